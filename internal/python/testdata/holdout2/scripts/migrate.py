#!/usr/bin/env python3
"""Apply schema migrations to the reporting database."""
import logging
import os
import sqlite3
from pathlib import Path

log = logging.getLogger("migrate")

MIGRATIONS = Path(__file__).parent / "migrations"
TABLES = ("events", "sessions", "daily_rollup")


def apply_all(db_path):
    conn = sqlite3.connect(db_path)
    for sql_file in sorted(MIGRATIONS.glob("*.sql")):
        conn.executescript(sql_file.read_text())  # safe: CWE-89 migration files shipped with the code
        log.info("applied %s", sql_file.name)
    for table in TABLES:
        conn.execute(f"ANALYZE {table}")  # safe: CWE-89 constant tuple of table names
    conn.commit()


def vacuum_old(db_path, days):
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM events WHERE ts < date('now', ?)", (f"-{int(days)} days",))  # safe: CWE-89 bound parameter
    conn.commit()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    apply_all(os.environ.get("REPORT_DB", "reporting.db"))
