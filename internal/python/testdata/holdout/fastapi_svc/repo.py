"""Inventory repository injected into routers with Depends."""
import sqlite3


class InventoryRepo:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def count_by(self, column: str, value: str) -> int:
        cur = self.conn.execute(f"SELECT count(*) FROM items WHERE {column} = ?", (value,))  # expect: CWE-89 routers/items.py passes a query parameter as column
        return cur.fetchone()[0]

    def by_category(self, category: str):
        return self.conn.execute("SELECT id, name FROM items WHERE category = ?", (category,)).fetchall()  # safe: CWE-89 parameterised
