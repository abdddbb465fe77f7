"""Builds report SQL from a ReportSpec."""
from sqlalchemy import text

from .spec import COLUMN_MAP, ReportSpec


def run_spec(session, spec: ReportSpec):
    cols = ", ".join(spec.columns)
    sql = f"SELECT {cols} FROM {spec.table}"
    conditions = []
    for key, value in spec.filters.items():
        conditions.append(f"{key} = '{value}'")
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    if spec.group_by:
        sql += " GROUP BY " + spec.group_by
    return session.execute(text(sql)).fetchall()  # expect: CWE-89 every part of the spec comes from the request (views.py)


def run_spec_checked(session, spec: ReportSpec):
    cols = ", ".join(COLUMN_MAP[c] for c in spec.columns if c in COLUMN_MAP)
    where, params = [], {}
    for i, (key, value) in enumerate(spec.filters.items()):
        if key in COLUMN_MAP:
            where.append(f"{COLUMN_MAP[key]} = :p{i}")
            params[f"p{i}"] = value
    sql = f"SELECT {cols or 'count(*)'} FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return session.execute(text(sql), params).fetchall()  # safe: CWE-89 identifiers mapped through COLUMN_MAP, values bound
