import logging

import pandas as pd
from flask import Blueprint, current_app, jsonify, request

from .spec import ReportSpec
from .sql_builder import run_spec, run_spec_checked

bp = Blueprint("reporting", __name__)
log = logging.getLogger("reporting")


def _spec_from(payload):
    return ReportSpec(table=payload.get("table", "subscriptions"), columns=payload.get("columns", ["count(*)"]), filters=payload.get("filters", {}), group_by=payload.get("group_by", ""))


@bp.post("/reports/adhoc")
def adhoc():
    spec = _spec_from(request.get_json())
    rows = run_spec(current_app.db_session, spec)
    return jsonify(rows=[list(r) for r in rows])


@bp.post("/reports/builder")
def builder():
    spec = _spec_from(request.get_json())
    rows = run_spec_checked(current_app.db_session, spec)
    return jsonify(rows=[list(r) for r in rows])


@bp.get("/reports/cohort")
def cohort():
    month = request.args.get("month", "2024-01")
    df = pd.read_sql(f"SELECT * FROM cohorts WHERE month = '{month}'", current_app.db_engine)  # expect: CWE-89 month formatted into read_sql
    return df.to_json(orient="records"), 200, {"Content-Type": "application/json"}


@bp.get("/reports/cohort-v2")
def cohort_v2():
    month = request.args.get("month", "2024-01")
    df = pd.read_sql("SELECT * FROM cohorts WHERE month = %(m)s", current_app.db_engine, params={"m": month})  # safe: CWE-89 params
    return df.to_json(orient="records"), 200, {"Content-Type": "application/json"}
