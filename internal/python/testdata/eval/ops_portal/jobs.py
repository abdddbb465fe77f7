"""Scheduled reports of the operations portal."""
import os

import psycopg2

from lib import sqlutil
from lib.shell import run_shell


def nightly():
    conn = psycopg2.connect(os.environ["OPS_DSN"])
    for table in ("events", "alerts", "pages"):
        print(table, sqlutil.count_rows(conn, table))
    print(sqlutil.count_where(conn, "pages", "acked", False))
    print(run_shell("df -h /var/lib/postgresql").stdout)


if __name__ == "__main__":
    nightly()
