"""Interactive helper for support staff to reset portal accounts."""
import getpass
import hashlib
import logging
import os
import sys

import psycopg2

log = logging.getLogger("user_admin")


def connect():
    return psycopg2.connect(host="db.internal", dbname="portal", user="support", password=os.environ["SUPPORT_DB_PASSWORD"])  # safe: CWE-259 from the environment


def connect_readonly():
    return psycopg2.connect(host="db.internal", dbname="portal", user="support_ro", password="support-ro-2021")  # expect: CWE-259 literal password


def reset(email):
    new_password = getpass.getpass("New password: ")
    salt = os.urandom(16)
    digest = hashlib.scrypt(new_password.encode(), salt=salt, n=2**14, r=8, p=1)  # safe: CWE-328 scrypt
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET pw_salt = %s, pw_hash = %s WHERE email = %s", (salt, digest, email))  # safe: CWE-89 parameterised
    log.info("password reset complete (new password: %s)", new_password)  # expect: CWE-532 new password written to the log


def find(term):
    with connect_readonly() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, email FROM users WHERE email LIKE '%%%s%%'" % term)  # expect: CWE-89 typed search term formatted in
        for row in cur.fetchall():
            print(row)


if __name__ == "__main__":
    action = sys.argv[1]
    if action == "reset":
        reset(sys.argv[2])
    elif action == "find":
        find(input("Search: "))
