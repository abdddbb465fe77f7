#!/usr/bin/env python3
"""Ad-hoc reporting against the analytics replica."""
import argparse
import csv
import logging
import os
import sqlite3
import sys

log = logging.getLogger("report_tool")

METRICS = {"signups": "signup_count", "churn": "churned_count", "mrr": "mrr_cents"}


def parse_args(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--db", default=os.environ.get("ANALYTICS_DB", "analytics.db"))
    p.add_argument("--metric", choices=sorted(METRICS), default="signups")
    p.add_argument("--segment", default="all")
    p.add_argument("--compare", default="")
    p.add_argument("--days", type=int, default=30)
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    conn = sqlite3.connect(args.db)
    column = METRICS[args.metric]
    rows = conn.execute(f"SELECT day, {column} FROM daily WHERE segment = ? AND day > date('now', ?)", (args.segment, f"-{args.days} days")).fetchall()  # safe: CWE-89 column from METRICS, values bound
    if args.compare:
        rows += conn.execute(f"SELECT day, {column} FROM daily WHERE segment = '{args.compare}'").fetchall()  # expect: CWE-89 segment name formatted into the SQL text
    writer = csv.writer(sys.stdout)
    writer.writerows(rows)
    log.info("wrote %d rows for metric %s", len(rows), args.metric)  # safe: CWE-117 choices-restricted value


if __name__ == "__main__":
    main()
