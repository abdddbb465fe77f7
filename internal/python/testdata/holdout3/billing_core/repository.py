"""SQL access for invoices (DB-API cursor, psycopg2 paramstyle)."""
import html


class InvoiceRepository:
    def __init__(self, conn):
        self.conn = conn

    def search(self, q):
        cur = self.conn.cursor()
        sql = "SELECT id, customer_name, total_cents FROM invoices WHERE customer_name LIKE '%%%s%%'" % q.customer
        cur.execute(sql)  # expect: CWE-89 customer held in an attribute set in __init__
        return cur.fetchall()

    def search_params(self, q):
        cur = self.conn.cursor()
        cur.execute("SELECT id, customer_name FROM invoices WHERE customer_name LIKE %s LIMIT %s", ("%" + q.customer + "%", q.limit))  # safe: CWE-89 parameterised
        return cur.fetchall()

    def sorted_page(self, q):
        cur = self.conn.cursor()
        cur.execute(f"SELECT id, total_cents FROM invoices ORDER BY {q.order_column} LIMIT {q.limit}")  # safe: CWE-89 property maps to constant columns, limit is an int
        return cur.fetchall()

    def sorted_page_raw(self, q):
        cur = self.conn.cursor()
        cur.execute("SELECT id, total_cents FROM invoices ORDER BY " + q.raw_sort)  # expect: CWE-89 property returns the raw sort key
        return cur.fetchall()

    def by_status(self, q):
        status = q.checked_status()
        cur = self.conn.cursor()
        cur.execute(f"SELECT id FROM invoices WHERE status = '{status}'")  # safe: CWE-89 method raises unless the status is in STATUSES
        return [r[0] for r in cur.fetchall()]

    def by_region(self, q):
        cur = self.conn.cursor()
        cur.execute(f"SELECT id FROM invoices WHERE region = '{q.region}'")  # safe: CWE-89 attribute set to a constant in __init__
        return [r[0] for r in cur.fetchall()]

    def by_customer_display(self, q):
        # html.escape protects HTML, not SQL: with quote=False a single quote
        # passes through unchanged.
        name = html.escape(q.customer, quote=False)
        cur = self.conn.cursor()
        cur.execute("SELECT id FROM invoices WHERE customer_name = '" + name + "'")  # expect: CWE-89 escaped for the wrong sink
        return [r[0] for r in cur.fetchall()]
