"""Database access for the shop: one connection per request, parameterised helpers."""
import sqlite3
from contextlib import closing

from flask import current_app, g

SORTABLE = {"price": "price_cents", "name": "title", "newest": "created_at DESC"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"], detect_types=sqlite3.PARSE_DECLTYPES)
        g.db.row_factory = sqlite3.Row
    return g.db


def fetch_all(sql, params=()):
    """Run a query; callers pass constant SQL text and every value in params."""
    with closing(get_db().cursor()) as cur:
        cur.execute(sql, params)  # safe: CWE-89 callers build sql from constants and ints only
        return cur.fetchall()


def fetch_one(sql, params=()):
    rows = fetch_all(sql, params)
    return rows[0] if rows else None


def order_clause(key):
    """Map a public sort key to a column; unknown keys fall back to the title."""
    return "ORDER BY " + SORTABLE.get(key, "title")
