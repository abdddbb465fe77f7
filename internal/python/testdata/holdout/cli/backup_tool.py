#!/usr/bin/env python3
"""Nightly backup helper: dumps a database and ships it to object storage."""
import argparse
import datetime as dt
import os
import shlex
import subprocess as sp
import sys
from os import path as osp

from lib.shell import quoted, run_argv, run_shell

DUMP_DIR = "/var/backups/db"


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("database")
    p.add_argument("--bucket", default="s3://backups-example")
    p.add_argument("--compress", choices=["gzip", "zstd"], default="zstd")
    p.add_argument("--keep", type=int, default=7)
    p.add_argument("--label", default="")
    return p.parse_args(argv)


def dump(args):
    stamp = dt.date.today().isoformat()
    out = osp.join(DUMP_DIR, f"{args.database}-{stamp}.sql")
    cmd = f"pg_dump {args.database} | {args.compress} > {out}.{args.compress}"
    run_shell(cmd)
    return f"{out}.{args.compress}"


def upload(args, path):
    sp.run(["aws", "s3", "cp", path, f"{args.bucket}/{osp.basename(path)}"], check=True)  # safe: CWE-78 argument list, fixed program
    run_argv(["aws", "s3", "ls", args.bucket])  # safe: CWE-78 argument list, fixed program


def prune(args):
    keep = args.keep
    sp.run(f"ls -1t {DUMP_DIR} | tail -n +{keep + 1} | xargs -r rm --", shell=True, check=True)  # safe: CWE-78 keep is an int (argparse type=int)


def tag(args, path):
    note = args.label
    os.system("setfattr -n user.label -v " + note + " " + path)  # expect: CWE-78


def tag_v2(args, path):
    os.system("setfattr -n user.label -v " + shlex.quote(args.label) + " " + shlex.quote(path))  # safe: CWE-78 both values quoted


def notify(args):
    run_shell("logger -t backup " + quoted("backup finished for", args.database))  # safe: CWE-78 quoted() shlex-quotes every part


def main(argv=None):
    args = parse_args(argv)
    path = dump(args)
    upload(args, path)
    prune(args)
    if args.label:
        tag(args, path)
        tag_v2(args, path)
    notify(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
