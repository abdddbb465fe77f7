#!/usr/bin/env python3
"""Nightly database backup: dump, compress, upload."""
import argparse
import os
import shlex
import subprocess


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("database")
    p.add_argument("--dest", default="/var/backups/db")
    p.add_argument("--compress", choices=["gzip", "zstd"], default="gzip")
    p.add_argument("--bucket", default="corp-db-backups")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    os.makedirs(args.dest, mode=0o700, exist_ok=True)  # safe: CWE-732
    out = os.path.join(args.dest, f"{args.database}.sql")
    subprocess.run(["pg_dump", "-f", out, args.database], check=True)  # safe: CWE-78 argument vector
    subprocess.run(f"{args.compress} -9 {shlex.quote(out)}", shell=True, check=True)  # safe: CWE-78 choices and shlex.quote
    os.system(f"aws s3 cp {out}.gz s3://{args.bucket}/{args.database}/")  # expect: CWE-78
    subprocess.run(["aws", "s3", "cp", out + ".gz", f"s3://{args.bucket}/latest/"], check=True)  # safe: CWE-78 argument vector
    os.chmod(out + ".gz", 0o600)  # safe: CWE-732
    os.chmod(args.dest, 0o777)  # expect: CWE-732


if __name__ == "__main__":
    main()
