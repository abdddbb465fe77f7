"""One-off schema operations run by the DBA."""
import os
import sys

import psycopg2
from psycopg2 import sql


def rename_column(conn, table, old, new):
    with conn.cursor() as cur:
        cur.execute(sql.SQL("ALTER TABLE {} RENAME COLUMN {} TO {}").format(sql.Identifier(table), sql.Identifier(old), sql.Identifier(new)))  # safe: CWE-89 psycopg2.sql identifiers


def drop_table(conn, table):
    with conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS %s" % table)  # expect: CWE-89 table comes from sys.argv


def main():
    conn = psycopg2.connect(dbname="app", user="migrator", password="m1grat0r-Pw!2024")  # expect: CWE-259
    backup = psycopg2.connect(dbname="app_backup", user="migrator", password=os.environ["MIGRATOR_PASSWORD"])  # safe: CWE-259 from the environment
    cmd, *rest = sys.argv[1:]
    if cmd == "rename":
        rename_column(conn, *rest)
    elif cmd == "drop":
        drop_table(conn, rest[0])
    conn.commit()
    backup.close()


if __name__ == "__main__":
    main()
