"""Fields set in __init__, inherited methods and super().__init__."""
import sqlite3

from flask import Flask, request

app = Flask(__name__)
TABLES = frozenset({"orders", "customers"})


class Counter:
    def __init__(self, table):
        self.table = table
        self.conn = sqlite3.connect("app.db")
        self.kind = "open"

    def count(self):
        return self.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]  # want: PP201

    def open_count(self):
        return self.conn.execute(f"SELECT count(*) FROM orders WHERE kind = '{self.kind}'").fetchone()[0]  # safe: set to a constant in __init__


class CheckedCounter(Counter):
    def __init__(self, table):
        if table not in TABLES:
            raise ValueError(table)
        super().__init__(table)

    def total(self):
        return self.conn.execute(f"SELECT sum(total) FROM {self.table}").fetchone()[0]  # safe: allow-listed before super().__init__


class LegacyCounter(Counter):
    def __init__(self, table):
        Counter.__init__(self, table.strip())

    def newest(self):
        return self.conn.execute(f"SELECT max(id) FROM {self.table}").fetchone()[0]  # want: PP201


class Search:
    def __init__(self):
        self.conn = sqlite3.connect("app.db")
        self.order = "id"

    def run(self, term):
        return self.conn.execute("SELECT * FROM t WHERE name = ? ORDER BY " + self.order, (term,)).fetchall()  # want: PP201

    def lookup(self, name):
        return self.conn.execute("SELECT * FROM t WHERE name = '" + name + "'").fetchall()  # want: PP201


class NamedSearch(Search):
    pass


@app.get("/count")
def count():
    return str(Counter(request.args["t"]).count())


@app.get("/search")
def search():
    s = Search()
    s.order = request.args.get("order", "id")  # rebound after __init__
    return str(s.run(request.args["q"]))


@app.get("/named")
def named():
    return str(NamedSearch().lookup(request.args["name"]))  # inherited method
