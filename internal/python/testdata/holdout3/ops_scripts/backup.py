#!/usr/bin/env python3
"""Nightly backup of the uploads directory (run from cron)."""
import os
import subprocess
import tempfile

UPLOADS = "/srv/app/uploads"
BACKUP_DIR = "/var/backups/app"


def archive_uploads():
    os.chdir(UPLOADS)
    os.system("tar czf /var/backups/app/uploads.tgz *")  # expect: CWE-155 wildcard expanded into tar options


def archive_uploads_v2():
    names = sorted(os.listdir(UPLOADS))
    subprocess.run(["tar", "czf", f"{BACKUP_DIR}/uploads.tgz", "--", *names], cwd=UPLOADS, check=True)  # safe: CWE-155, CWE-78 argument list after --


def dump_database():
    path = tempfile.mktemp(suffix=".sql", dir=BACKUP_DIR)  # expect: CWE-377
    subprocess.run(["pg_dump", "-f", path, "app"], check=True)
    return path


def dump_database_v2():
    fd, path = tempfile.mkstemp(suffix=".sql", dir=BACKUP_DIR)  # safe: CWE-377 mkstemp
    os.close(fd)
    subprocess.run(["pg_dump", "-f", path, "app"], check=True)
    return path


def publish(path):
    os.chmod(path, 0o777)  # expect: CWE-732 world-writable backup


def publish_v2(path):
    os.chmod(path, 0o640)  # safe: CWE-732


if __name__ == "__main__":
    archive_uploads_v2()
    publish_v2(dump_database_v2())
