#!/usr/bin/env python3
"""Nightly CSV export for finance."""
import csv
import os
import tempfile

import psycopg2


def export(rows):
    with open("/tmp/finance_export.csv", "w", newline="") as fh:  # expect: CWE-377 predictable /tmp path
        csv.writer(fh).writerows(rows)
    return fh.name


def export_v2(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:  # safe: CWE-377 NamedTemporaryFile
        csv.writer(fh).writerows(rows)
        return fh.name


def fetch_rows():
    conn = psycopg2.connect(os.environ["FINANCE_DSN"])
    with conn.cursor() as cur:
        cur.execute("SELECT id, amount_cents, booked_at FROM ledger WHERE booked_at > now() - interval '1 day'")  # safe: CWE-89 constant
        return cur.fetchall()


if __name__ == "__main__":
    print(export_v2(fetch_rows()))
