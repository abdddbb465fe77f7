import os
import tempfile
from tempfile import mktemp


def export_csv(rows):
    path = tempfile.mktemp(suffix=".csv")  # want: PP503
    with open(path, "w") as fh:
        fh.writelines(rows)
    return path


def export_csv_safe(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:  # safe look-alike
        fh.writelines(rows)
        return fh.name


def scratch_dir():
    name = mktemp(prefix="job-", dir="/var/tmp")  # want: PP503
    os.mkdir(name)
    return name


def scratch_dir_safe():
    return tempfile.mkdtemp(prefix="job-")  # safe look-alike


def low_level():
    fd, path = tempfile.mkstemp()  # safe: mkstemp creates the file
    os.close(fd)
    return path


def write_report(text):
    with open("/tmp/report.txt", "w") as out:  # want: PP503
        out.write(text)


def append_log(line):
    fh = open("/var/tmp/app.log", mode="a")  # want: PP503
    fh.write(line)
    fh.close()


def read_report():
    with open("/tmp/report.txt") as src:  # safe look-alike: read only
        return src.read()


def write_in_private_dir(text):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "report.txt"), "w") as out:  # safe: a private directory
            out.write(text)


def write_shm(data):
    with open("/dev/shm/cache.bin", "wb") as out:  # want: PP503
        out.write(data)


def write_home(data):
    with open("/home/app/cache.bin", "wb") as out:  # safe: not a shared directory
        out.write(data)


def write_user_report(user_id, text):
    with open(f"/tmp/report-{user_id}.txt", "w") as out:  # known-miss: PP503 only fully fixed /tmp paths are reported, not predictable ones
        out.write(text)
