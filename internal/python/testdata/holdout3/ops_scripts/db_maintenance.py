"""Database maintenance commands (click)."""
import os

import click
import psycopg2
from psycopg2 import sql


def _connect():
    return psycopg2.connect(os.environ["MAINT_DSN"])


@click.group()
def cli():
    """Maintenance commands."""


@cli.command()
@click.option("--table", required=True)
@click.option("--days", type=int, default=30)
def purge(table, days):
    conn = _connect()
    with conn, conn.cursor() as cur:
        cur.execute(f"DELETE FROM {table} WHERE created_at < now() - interval '{days} days'")  # expect: CWE-89 table name from an option


@cli.command()
@click.option("--table", type=click.Choice(["events", "audit_log", "sessions"]), required=True)
@click.option("--days", type=int, default=30)
def purge_v2(table, days):
    conn = _connect()
    with conn, conn.cursor() as cur:
        cur.execute(f"DELETE FROM {table} WHERE created_at < now() - make_interval(days => %s)", (days,))  # safe: CWE-89 click.Choice table, parameterised days


@cli.command()
@click.argument("table")
def truncate(table):
    conn = _connect()
    with conn, conn.cursor() as cur:
        cur.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(table)))  # safe: CWE-89 psycopg2.sql.Identifier


@cli.command()
@click.option("--target")
def vacuum(target):
    os.system("vacuumdb --analyze " + (target or "--all"))  # expect: CWE-78 option reaches a shell


if __name__ == "__main__":
    cli()
