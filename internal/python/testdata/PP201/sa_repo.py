from sqlalchemy import create_engine, text
import sqlalchemy as sa

engine = create_engine("sqlite:///app.db")


def find_user(name):
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT * FROM users WHERE name = '{name}'")).fetchall()  # want: PP201


def find_user_safe(name):
    with engine.connect() as conn:
        return conn.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name}).fetchall()  # safe look-alike


def count_rows(table):
    stmt = sa.text("SELECT COUNT(*) FROM " + table)  # want: PP201
    with engine.connect() as conn:
        return conn.execute(stmt).scalar()


def count_users():
    stmt = sa.text("SELECT COUNT(*) FROM users")  # safe: constant
    with engine.connect() as conn:
        return conn.execute(stmt).scalar()


def bulk_delete(ids):
    placeholders = ", ".join("?" for _ in ids)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM users WHERE id IN ({placeholders})", tuple(ids))  # safe: placeholders only
