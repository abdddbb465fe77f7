"""Helpers that qualify table names with the current tenant schema."""
from .state import current_schema as schema_of_request


def qualified(table):
    return f'"{schema_of_request()}".{table}'


def count_rows(conn, table):
    return conn.execute(f"SELECT count(*) FROM {qualified(table)}").fetchone()[0]  # expect: CWE-89 schema from a global set by the view
