#!/usr/bin/env python3
import os
import stat
from pathlib import Path

SHARED = Path("/srv/shared/uploads")
APP_ROOT = Path("/srv/app")


def prepare_upload_dir():
    os.makedirs(SHARED, mode=0o777, exist_ok=True)  # expect: CWE-732 world-writable directory
    os.chmod(SHARED, 0o750)  # safe: CWE-732 group read only


def fix_config():
    cfg = APP_ROOT / "config.ini"
    cfg.chmod(0o666)  # expect: CWE-732 config writable by everyone
    os.chmod(APP_ROOT / "secrets.env", stat.S_IRUSR | stat.S_IWUSR)  # safe: CWE-732 0600


def fix_scripts():
    for script in (APP_ROOT / "bin").glob("*.sh"):
        os.chmod(script, 0o755)  # safe: CWE-732 not writable by others


def relax_umask():
    os.umask(0)  # expect: CWE-732 every new file world-writable


def log_dir():
    fd = os.open("/var/log/app/audit.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o640)  # safe: CWE-732 0640
    os.close(fd)


if __name__ == "__main__":
    prepare_upload_dir()
    fix_config()
    fix_scripts()
