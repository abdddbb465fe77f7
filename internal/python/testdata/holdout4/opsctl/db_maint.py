"""Database maintenance commands (click)."""
import os

import click
import psycopg2
from psycopg2 import sql


def connect():
    return psycopg2.connect(os.environ["DATABASE_URL"])


@click.group()
def cli():
    pass


@cli.command()
@click.option("--table", type=click.Choice(["sessions", "audit_log"]), required=True)
@click.option("--older-than", type=int, default=30)
@click.option("--where", default=None, help="extra SQL condition")
def purge(table, older_than, where):
    conn = connect()
    with conn, conn.cursor() as cur:
        cur.execute(sql.SQL("DELETE FROM {} WHERE created < now() - %s * interval '1 day'").format(sql.Identifier(table)), (older_than,))  # safe: CWE-89 sql.Identifier and parameter
        if where:
            cur.execute(f"DELETE FROM {table} WHERE {where}")  # expect: CWE-89


@cli.command()
@click.argument("email")
def promote(email):
    conn = connect()
    with conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET is_staff = true WHERE email = %s", (email,))  # safe: CWE-89 parameter
        click.echo(f"{cur.rowcount} user(s) promoted")


@cli.command()
def replica_check():
    conn = psycopg2.connect(host="db-replica.internal", user="maint", password="correcthorsebatterystaple")  # expect: CWE-259
    with conn.cursor() as cur:
        cur.execute("SELECT pg_last_wal_replay_lsn()")
        click.echo(cur.fetchone()[0])


@cli.command()
def primary_check():
    conn = psycopg2.connect(host="db-primary.internal", user="maint", password=os.environ["MAINT_DB_PASSWORD"])  # safe: CWE-259 environment
    with conn.cursor() as cur:
        cur.execute("SELECT pg_current_wal_lsn()")
        click.echo(cur.fetchone()[0])


@cli.command()
@click.option("--password", default="", help="superuser password (prompted when empty)")
def vacuum(password):
    password = password or click.prompt("password", hide_input=True)
    conn = psycopg2.connect(host="db-primary.internal", user="postgres", password=password)  # safe: CWE-259 prompted
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")


@cli.command()
@click.argument("host")
@click.argument("user")
def save_pgpass(host, user):
    password = click.prompt("password", hide_input=True)
    with open(os.path.expanduser("~/.pgpass"), "a") as fh:
        fh.write(f"{host}:5432:*:{user}:{password}\n")  # expect: CWE-312
    os.chmod(os.path.expanduser("~/.pgpass"), 0o600)


if __name__ == "__main__":
    cli()
