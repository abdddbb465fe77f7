"""psycopg helpers."""
from psycopg2 import sql


def count_rows(conn, table):
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table)))  # safe: CWE-89 composed identifier
        return cur.fetchone()[0]


def count_where(conn, table, column, value):
    with conn.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = %s", (value,))  # safe: CWE-89 identifiers are constants at every call
        return cur.fetchone()[0]


def grep_rows(conn, table, needle):
    with conn.cursor() as cur:
        cur.execute(f"SELECT id FROM {table} WHERE body LIKE '%{needle}%'")  # expect: CWE-89
        return [r[0] for r in cur.fetchall()]
