"""Thin helpers over the psycopg2 pool used by the views."""
import psycopg2
from psycopg2 import sql as pgsql
from psycopg2.pool import SimpleConnectionPool
from flask import current_app, g

_pool = None

COUNTABLE = {"status", "currency", "customer_id"}


def get_conn():
    global _pool
    if _pool is None:
        _pool = SimpleConnectionPool(1, 10, dsn=current_app.config["SQLALCHEMY_DATABASE_URI"])
    if "db" not in g:
        g.db = _pool.getconn()
    return g.db


def find_invoice(number):
    cur = get_conn().cursor()
    cur.execute("SELECT id, number, amount_cents FROM invoices WHERE number = %s", (number,))  # safe: CWE-89 parameterised
    return cur.fetchone()


def count_where(column, value):
    cur = get_conn().cursor()
    cur.execute(f"SELECT count(*) FROM invoices WHERE {column} = %s", (value,))  # expect: CWE-89 column name comes from the request in views/admin.py
    return cur.fetchone()[0]


def count_checked(column, value):
    if column not in COUNTABLE:
        raise ValueError("unsupported column")
    cur = get_conn().cursor()
    cur.execute(f"SELECT count(*) FROM invoices WHERE {column} = %s", (value,))  # safe: CWE-89 column checked against COUNTABLE
    return cur.fetchone()[0]


def rows_for_table(table, limit):
    cur = get_conn().cursor()
    query = pgsql.SQL("SELECT * FROM {} LIMIT %s").format(pgsql.Identifier(table))
    cur.execute(query, (limit,))  # safe: CWE-89 psycopg2.sql.Identifier quotes the name
    return cur.fetchall()
