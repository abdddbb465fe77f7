"""MySQL access for the helpdesk."""
import os

import MySQLdb


def connect():
    return MySQLdb.connect(host="mysql.internal", user="helpdesk", passwd=os.environ["HELPDESK_DB_PASSWORD"], db="helpdesk")  # safe: CWE-259


class TicketRepo:
    def __init__(self, conn):
        self.conn = conn
        self.status_filter = None

    def by_requester(self, email):
        cur = self.conn.cursor()
        cur.execute("SELECT id, subject FROM tickets WHERE requester = %s", (email,))  # safe: CWE-89
        return cur.fetchall()

    def by_subject(self, words):
        cur = self.conn.cursor()
        sql = "SELECT id, subject FROM tickets WHERE 1 = 1"
        for word in words:
            sql += " AND subject LIKE '%%" + word + "%%'"
        cur.execute(sql)  # expect: CWE-89
        return cur.fetchall()

    def with_status(self):
        cur = self.conn.cursor()
        cur.execute(f"SELECT id FROM tickets WHERE status = '{self.status_filter}'")  # expect: CWE-89
        return cur.fetchall()

    def by_ids(self, ids):
        cur = self.conn.cursor()
        marks = ", ".join(["%s"] * len(ids))
        cur.execute(f"SELECT id, subject FROM tickets WHERE id IN ({marks})", tuple(ids))  # safe: CWE-89 placeholders only
        return cur.fetchall()


def build_where(filters, depth=0):
    if not filters or depth > 5:
        return "1 = 1"
    (column, value), rest = filters[0], filters[1:]
    return f"{column} = '{value}' AND " + build_where(rest, depth + 1)


def search(conn, filters):
    cur = conn.cursor()
    cur.execute("SELECT id FROM tickets WHERE " + build_where(filters))  # expect: CWE-89
    return cur.fetchall()
