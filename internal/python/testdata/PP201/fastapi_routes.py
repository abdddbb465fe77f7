import sqlite3

from fastapi import Depends, FastAPI

api = FastAPI()


def get_conn():
    return sqlite3.connect("shop.db")


@api.get("/items/{category}")
def list_items(category: str, conn=Depends(get_conn)):
    cur = conn.cursor()
    cur.execute("SELECT * FROM items WHERE category = '%s'" % category)  # want: PP201
    return cur.fetchall()


@api.get("/items/by-id/{item_id}")
def get_item(item_id: int, conn=Depends(get_conn)):
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM items WHERE id = {item_id}")  # safe look-alike: item_id is an int
    return cur.fetchone()


@api.get("/items/search")
def search_items(q: str = "", conn=Depends(get_conn)):
    cur = conn.cursor()
    cur.execute("SELECT * FROM items WHERE name LIKE ?", (f"%{q}%",))  # safe look-alike: parameterised
    return cur.fetchall()
