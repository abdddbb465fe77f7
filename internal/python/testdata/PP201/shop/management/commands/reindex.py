"""A Django management command: options limited by choices or types hold no user text."""
from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--table", choices=["catalog_product", "cms_page"], default="cms_page")
        parser.add_argument("--keep-days", type=int, default=90)
        parser.add_argument("--since")

    def handle(self, *args, **opts):
        with connection.cursor() as cur:
            cur.execute(f"REINDEX TABLE {opts['table']}")  # safe: choices
            cur.execute(f"DELETE FROM log WHERE age > {opts['keep_days']}")  # safe: type=int
            cur.execute(f"DELETE FROM log WHERE created < '{opts['since']}'")  # want: PP201
