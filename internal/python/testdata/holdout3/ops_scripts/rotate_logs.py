#!/usr/bin/env python3
"""Log rotation helper for hosts without logrotate."""
import os
import stat
import tempfile
from pathlib import Path

ARCHIVE = "/var/log/app/archive"


def rotate():
    with open("/tmp/rotate-logs.lock", "w") as fh:  # expect: CWE-377 fixed path in /tmp
        fh.write(str(os.getpid()))
    old = os.umask(0)  # expect: CWE-732
    try:
        os.makedirs(ARCHIVE, mode=0o777, exist_ok=True)  # expect: CWE-732
    finally:
        os.umask(old)
    fd = os.open(os.path.join(ARCHIVE, "index"), os.O_CREAT | os.O_WRONLY, 0o666)  # expect: CWE-732
    os.close(fd)
    Path(ARCHIVE, "README").chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH)  # expect: CWE-732 S_IWOTH


def rotate_v2():
    os.umask(0o027)  # safe: CWE-732
    os.makedirs(ARCHIVE, mode=0o750, exist_ok=True)  # safe: CWE-732
    fd = os.open(os.path.join(ARCHIVE, "index"), os.O_CREAT | os.O_WRONLY, 0o640)  # safe: CWE-732
    os.close(fd)
    Path(ARCHIVE, "README").chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP)  # safe: CWE-732
    with tempfile.NamedTemporaryFile("w", prefix="rotate-", suffix=".lock", delete=False) as fh:  # safe: CWE-377
        fh.write(str(os.getpid()))
    with open("/tmp/rotate-logs.last") as fh:  # safe: CWE-377 read only
        return fh.read()


if __name__ == "__main__":
    rotate_v2()
