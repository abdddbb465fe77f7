"""Thin sqlite3 layer shared by the blueprints."""
import sqlite3

from flask import g

DATABASE = "/var/lib/shop/shop.db"
PRODUCT_COLUMNS = "id, name, price, stock"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


def find_products(term):
    cur = get_db().cursor()
    cur.execute("SELECT id, name, price FROM products WHERE name LIKE '%" + term + "%'")  # expect: CWE-89
    return [dict(r) for r in cur.fetchall()]


def find_products_safe(term):
    cur = get_db().cursor()
    cur.execute("SELECT id, name, price FROM products WHERE name LIKE ?", (f"%{term}%",))  # safe: CWE-89 parameterised
    return [dict(r) for r in cur.fetchall()]


def products_sorted(column, direction):
    # Callers pass allow-listed column names only.
    sql = "SELECT {} FROM products ORDER BY {} {}".format(PRODUCT_COLUMNS, column, direction)
    return [dict(r) for r in get_db().execute(sql).fetchall()]  # safe: CWE-89 allow-listed identifiers


def get_product(product_id):
    row = get_db().execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE id = {product_id}").fetchone()  # safe: CWE-89 callers pass int
    return dict(row) if row else None


def get_product_by_slug(slug):
    row = get_db().execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE slug = '{slug}'").fetchone()  # expect: CWE-89
    return dict(row) if row else None


def get_description(product_id):
    row = get_db().execute("SELECT description FROM products WHERE id = ?", (product_id,)).fetchone()  # safe: CWE-89
    return row["description"] if row else ""


def get_user(username):
    cur = get_db().execute("SELECT id, username, pw_hash, is_admin FROM users WHERE username = ?", (username,))  # safe: CWE-89
    row = cur.fetchone()
    return dict(row) if row else None


def orders_for(customer, status):
    query = "SELECT id, total FROM orders WHERE customer = '%s' AND status = '%s'" % (customer, status)
    return [dict(r) for r in get_db().execute(query).fetchall()]  # expect: CWE-89


def count_rows(table):
    return get_db().execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # safe: CWE-89 called with constants only


def delete_user(user_id):
    get_db().execute("DELETE FROM users WHERE id = ?", (user_id,))  # safe: CWE-89
    get_db().commit()


def run_maintenance(script):
    get_db().executescript(script)  # expect: CWE-89
