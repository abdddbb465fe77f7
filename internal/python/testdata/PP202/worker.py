"""Background jobs: no request data, but commands built at run time."""
import asyncio
import os
import subprocess
from subprocess import call as run_cmd

import pexpect

BACKUP_DIR = "/var/backups"


def rotate(log_file):
    os.system("gzip -9 " + log_file)  # want: PP202


def rotate_safe(log_file):
    subprocess.call(["gzip", "-9", log_file])  # safe look-alike: no shell


def compress_all():
    os.system("gzip -9 %s/*.log" % BACKUP_DIR)  # safe: built from constants only


def sync(remote):
    run_cmd("rsync -a %s %s" % (BACKUP_DIR, remote), shell=True)  # want: PP202


def sync_quiet(remote):
    run_cmd("rsync -a %s %s" % (BACKUP_DIR, remote), shell=False)  # safe look-alike: shell=False, and the program is fixed


async def convert(src, dst):
    proc = await asyncio.create_subprocess_shell(f"convert {src} {dst}")  # want: PP202
    await proc.wait()


async def convert_exec(src, dst):
    proc = await asyncio.create_subprocess_exec("convert", src, dst)  # safe look-alike: exec, fixed program
    await proc.wait()


def login(user):
    child = pexpect.spawn("ssh " + user + "@backup.internal")  # want: PP202
    child.expect("password:")


def login_fixed():
    child = pexpect.spawn("ssh backup@backup.internal")  # safe: constant
    child.expect("password:")


def disk_usage(path, use_shell):
    cmd = "du -sh " + path
    return subprocess.check_output(cmd, shell=use_shell)  # want: PP202


def restart(service):
    cmd = "systemctl restart nginx"
    cmd = cmd.strip()
    return subprocess.run(cmd, shell=True, check=True)  # safe: derived from a constant
