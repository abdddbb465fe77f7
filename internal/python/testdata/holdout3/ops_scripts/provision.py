#!/usr/bin/env python3
"""Provision a host and record it in the inventory database."""
import argparse
import shlex
import sqlite3
import subprocess


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("hostname")
    p.add_argument("--role", choices=["web", "worker", "db"], default="web")
    p.add_argument("--owner", default="platform")
    args = p.parse_args(argv)

    subprocess.run(f"ssh admin@{args.hostname} sudo /usr/local/bin/provision --role {args.role}", shell=True, check=True)  # expect: CWE-78 hostname from the command line
    subprocess.run(f"ssh admin@{shlex.quote(args.hostname)} sudo /usr/local/bin/provision --role {args.role}", shell=True, check=True)  # safe: CWE-78 quoted hostname, role from choices

    db = sqlite3.connect("/srv/inventory/hosts.db")
    db.execute(f"INSERT INTO hosts (name, owner) VALUES ('{args.hostname}', '{args.owner}')")  # expect: CWE-89
    db.execute("INSERT INTO hosts (name, owner) VALUES (?, ?)", (args.hostname, args.owner))  # safe: CWE-89 parameterised
    db.commit()


if __name__ == "__main__":
    main()
