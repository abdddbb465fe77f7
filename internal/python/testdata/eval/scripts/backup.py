#!/usr/bin/env python3
"""Nightly backup of one database, run by cron with the database name."""
import os
import shlex
import subprocess
import sys


def dump(dbname):
    os.system("pg_dump " + dbname + " | gzip > /backups/" + dbname + ".sql.gz")  # expect: CWE-78


def dump_quoted(dbname):
    q = shlex.quote(dbname)
    os.system(f"pg_dump {q} | gzip > /backups/{q}.sql.gz")  # safe: CWE-78 shlex.quote


def dump_argv(dbname):
    with open(f"/backups/{os.path.basename(dbname)}.sql", "wb") as out:
        subprocess.run(["pg_dump", dbname], stdout=out, check=True)  # safe: CWE-78 argv list


def rotate():
    subprocess.run("find /backups -mtime +14 -delete", shell=True, check=True)  # safe: CWE-78 constant command


if __name__ == "__main__":
    dump(sys.argv[1])
    dump_quoted(sys.argv[1])
    dump_argv(sys.argv[1])
    rotate()
