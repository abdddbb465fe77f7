"""Host provisioning steps run by the installer."""
import csv
import os
import stat
import tempfile
from os import path as osp
from pathlib import Path

MODE_SHARED = 0o666


def prepare_dirs(root):
    os.makedirs(osp.join(root, "cache"), mode=0o750, exist_ok=True)  # safe: CWE-732 no write for others
    os.makedirs(osp.join(root, "shared"), mode=0o777, exist_ok=True)  # expect: CWE-732
    os.chmod(osp.join(root, "bin"), 0o755)  # safe: CWE-732 0o755


def publish_socket(sock_path):
    os.chmod(sock_path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)  # expect: CWE-732


def write_secret(path, data: bytes):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # safe: CWE-732 owner only
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def write_public(path, data: bytes):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)  # expect: CWE-732
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def open_umask():
    return os.umask(0)  # expect: CWE-732


def tight_umask():
    return os.umask(0o077)  # safe: CWE-732 restrictive umask


def share_report(path):
    Path(path).chmod(MODE_SHARED)  # expect: CWE-732 through a module constant


def group_writable(path):
    os.chmod(path, 0o775)  # safe: CWE-732 group write only


def restrict(path):
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)  # safe: CWE-732 owner read/write


def export_csv(rows):
    path = tempfile.mktemp(suffix=".csv")  # expect: CWE-377
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def export_csv_v2(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:  # safe: CWE-377 created atomically
        csv.writer(fh).writerows(rows)
        return fh.name


def lock_file():
    with open("/tmp/shopd.lock", "w") as fh:  # expect: CWE-377
        fh.write(str(os.getpid()))


def pid_file():
    with open(osp.join(tempfile.gettempdir(), "shopd.pid"), "w") as fh:  # expect: CWE-377 fixed name in the shared temp dir
        fh.write(str(os.getpid()))


def scratch_dir():
    workdir = tempfile.mkdtemp(prefix="shopd-")  # safe: CWE-377 private directory
    with open(osp.join(workdir, "out.csv"), "w") as fh:  # safe: CWE-377 inside a private mkdtemp directory
        fh.write("id\n")
    return workdir


def scratch_file():
    fd, path = tempfile.mkstemp(suffix=".json")  # safe: CWE-377 mkstemp
    os.close(fd)
    return path
