"""SQLAlchemy access for the inventory service."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"])


def search_items(name):
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT id, name FROM items WHERE name = '{name}'")).fetchall()  # expect: CWE-89


def search_items_safe(name):
    with engine.connect() as conn:
        return conn.execute(text("SELECT id, name FROM items WHERE name = :name"), {"name": name}).fetchall()  # safe: CWE-89 bound parameter


def items_by_ids(ids):
    id_list = ", ".join(str(int(i)) for i in ids)
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT id, name FROM items WHERE id IN ({id_list})")).fetchall()  # safe: CWE-89 int()


def items_by_codes(codes):
    code_list = ",".join("'" + c + "'" for c in codes)
    with engine.connect() as conn:
        return conn.execute(text("SELECT id, name FROM items WHERE code IN (" + code_list + ")")).fetchall()  # expect: CWE-89


def item_by_id(item_id):
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT id, name, qty FROM items WHERE id = {item_id}")).first()  # safe: CWE-89 typed int parameter at every call


def sorted_items(order):
    with engine.connect() as conn:
        return conn.execute(text("SELECT id, name FROM items ORDER BY " + order)).fetchall()  # expect: CWE-89


def low_stock(threshold):
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT id FROM items WHERE qty < %s", (threshold,)).fetchall()  # safe: CWE-89 driver params
