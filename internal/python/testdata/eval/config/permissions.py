"""Filesystem setup for the agent's spool and key files."""
import os
import stat
from pathlib import Path

SPOOL = "/var/spool/agent"


def open_spool():
    os.makedirs(SPOOL, exist_ok=True)
    os.chmod(SPOOL, 0o777)  # expect: CWE-732


def share_report(path):
    os.chmod(path, 0o666)  # expect: CWE-732


def publish_socket(path):
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)  # expect: CWE-732


def make_writable(path):
    Path(path).chmod(0o777)  # expect: CWE-732


def protect_key(path):
    os.chmod(path, 0o600)  # safe: CWE-732


def publish_report(path):
    os.chmod(path, 0o644)  # safe: CWE-732 world-readable report, not writable


def install_script(path):
    os.chmod(path, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP)  # safe: CWE-732


def tighten(path):
    mode = os.stat(path).st_mode
    os.chmod(path, mode & ~stat.S_IWOTH)  # safe: CWE-732 removes world write
