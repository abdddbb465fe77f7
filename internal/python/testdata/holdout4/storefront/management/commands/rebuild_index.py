from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Rebuild search indexes and trim the search log."

    def add_arguments(self, parser):
        parser.add_argument("--table", default="catalog_product", choices=["catalog_product", "cms_page"])
        parser.add_argument("--since", help="delete search log entries older than this date")
        parser.add_argument("--keep-days", type=int, default=90)

    def handle(self, *args, **opts):
        table = opts["table"]
        with connection.cursor() as cur:
            cur.execute(f"REINDEX TABLE {table}")  # safe: CWE-89 argparse choices
            cur.execute(f"DELETE FROM search_log WHERE created < now() - interval '{int(opts['keep_days'])} days'")  # safe: CWE-89 int()
            since = opts.get("since")
            if since:
                cur.execute(f"DELETE FROM search_log WHERE created < '{since}'")  # expect: CWE-89
        self.stdout.write(self.style.SUCCESS(f"reindexed {table}"))
