"""psycopg2 helpers for the wiki."""
import os

import psycopg2


def connect():
    return psycopg2.connect(dsn=os.environ["WIKI_DSN"])


def page_by_title(title):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, body FROM pages WHERE title = '{}'".format(title))  # expect: CWE-89
        return cur.fetchone()


def page_by_title_safe(title):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, body FROM pages WHERE title = %(title)s", {"title": title})  # safe: CWE-89 named params
        return cur.fetchone()


def history(page_id, limit):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT rev, author FROM revisions WHERE page_id = %s LIMIT %s" % (page_id, limit))  # safe: CWE-89 callers pass ints
        return cur.fetchall()
