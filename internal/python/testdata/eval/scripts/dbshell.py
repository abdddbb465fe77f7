"""Interactive helper for support staff to look customers up."""
import sqlite3

conn = sqlite3.connect("/var/lib/support/customers.db")


def lookup(email):
    cur = conn.cursor()
    cur.execute(f"SELECT id, name FROM customers WHERE email = '{email}'")  # expect: CWE-89
    return cur.fetchall()


def lookup_safe(email):
    cur = conn.cursor()
    cur.execute("SELECT id, name FROM customers WHERE email = ?", (email,))  # safe: CWE-89
    return cur.fetchall()


def main():
    while True:
        email = input("email> ").strip()
        if not email:
            break
        print(lookup(email))
        print(lookup_safe(email))
        n = input("how many recent orders? ")
        cur = conn.cursor()
        cur.execute("SELECT id FROM orders ORDER BY id DESC LIMIT %d" % int(n))  # safe: CWE-89 int()
        print(cur.fetchall())


if __name__ == "__main__":
    main()
