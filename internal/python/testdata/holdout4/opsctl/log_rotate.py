"""Compress and ship application logs."""
import glob
import os
import subprocess

LOG_DIR = "/var/log/storefront"


def compress():
    files = sorted(glob.glob(os.path.join(LOG_DIR, "*.log.1")))
    if files:
        subprocess.run(["gzip", "--", *files], check=True)  # safe: CWE-155 explicit list, no shell


def ship():
    os.system("rsync -a /var/log/storefront/* backup.internal:/logs/storefront/")  # expect: CWE-155


def ship_v2():
    subprocess.run(["rsync", "-a", "--", LOG_DIR + "/", "backup.internal:/logs/storefront/"], check=True)  # safe: CWE-155 directory, no wildcard


if __name__ == "__main__":
    compress()
    ship_v2()
