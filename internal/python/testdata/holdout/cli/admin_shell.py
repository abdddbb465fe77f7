"""Interactive maintenance shell for support staff."""
import hashlib
import os
import secrets
import sqlite3
import sys
from getpass import getpass

DB = os.environ.get("ADMIN_DB", "/var/lib/shop/admin.sqlite3")
CACHE = "/var/lib/shop/cache"


def lookup_user(conn):
    email = input("email> ").strip()
    row = conn.execute("SELECT id, email, is_admin FROM users WHERE email = '%s'" % email).fetchone()  # expect: CWE-89
    row_v2 = conn.execute("SELECT id, email, is_admin FROM users WHERE email = ?", (email,)).fetchone()  # safe: CWE-89 parameterised
    return row or row_v2


def set_password(conn, user_id):
    pw = getpass("new password> ")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pw.encode(), salt=salt, n=2**14, r=8, p=1)
    conn.execute("UPDATE users SET pw = ?, salt = ? WHERE id = ?", (digest, salt, user_id))


def calc():
    expr = input("calc> ")
    print(eval(expr))  # expect: CWE-94


def clear_cache(name):
    os.system(f"rm -rf {CACHE}/{name}")  # expect: CWE-78 name comes from sys.argv


def clear_cache_v2(name):
    target = os.path.join(CACHE, os.path.basename(name))
    os.system("rm -rf -- '%s'" % target.replace("'", "'\\''"))  # safe: CWE-78 single-quoted with quotes escaped


def main():
    conn = sqlite3.connect(DB)
    cmd = sys.argv[1] if len(sys.argv) > 1 else "help"
    if cmd == "user":
        print(lookup_user(conn))
    elif cmd == "passwd":
        set_password(conn, int(sys.argv[2]))
    elif cmd == "calc":
        calc()
    elif cmd == "clear":
        clear_cache(sys.argv[2])
        clear_cache_v2(sys.argv[2])
    else:
        print("commands: user, passwd ID, calc, clear NAME")


if __name__ == "__main__":
    main()
