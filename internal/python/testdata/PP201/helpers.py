import sqlite3

from flask import Blueprint, request

bp = Blueprint("reports", __name__)


def build_filter(column, value):
    return "%s = '%s'" % (column, value)


def run_query(sql):
    conn = sqlite3.connect("reports.db")
    return conn.execute(sql).fetchall()  # want: PP201


def run_query_params(sql, params):
    conn = sqlite3.connect("reports.db")
    return conn.execute(sql, params).fetchall()


@bp.route("/report")
def report():
    region = request.args.get("region")
    where = build_filter("region", region)
    return str(run_query("SELECT * FROM sales WHERE " + where))


@bp.route("/report-safe")
def report_safe():
    region = request.args.get("region")
    return str(run_query_params("SELECT * FROM sales WHERE region = ?", (region,)))


@bp.route("/report-fixed")
def report_fixed():
    where = build_filter("region", "emea")
    return str(run_query_params("SELECT * FROM sales WHERE " + where, ()))
