#!/usr/bin/env python3
"""Resets a database user's password (run by an operator)."""
import getpass
import logging
import os
import sys

import psycopg2

log = logging.getLogger("reset_password")


def main():
    user = sys.argv[1]
    password = getpass.getpass(f"New password for {user}: ")
    print(f"resetting {user} with password {password}")  # expect: CWE-532 password printed
    print(f"resetting {user}")  # safe: CWE-532
    log.info("reset requested for %s, new secret length %d", user, len(password))  # safe: CWE-532 only the length
    conn = psycopg2.connect(os.environ["ADMIN_DSN"])
    with conn, conn.cursor() as cur:
        cur.execute("SELECT set_user_password(%s, %s)", (user, password))  # safe: CWE-89 parameterised


if __name__ == "__main__":
    main()
