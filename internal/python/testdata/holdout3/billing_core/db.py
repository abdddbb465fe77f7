"""Connection handling: one psycopg2 connection per application context."""
import os

import psycopg2
from flask import g


def get_conn():
    if "db" not in g:
        g.db = psycopg2.connect(os.environ["BILLING_DSN"])
    return g.db


def close_conn(_exc=None):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
