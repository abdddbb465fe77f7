"""CSV exports for the back office."""
import csv

from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse

EXPORT_COLUMNS = ("id", "created_at", "total", "status")
GROUPINGS = {"status": "status", "day": "date_trunc('day', created_at)", "month": "date_trunc('month', created_at)"}


class Echo:
    def write(self, value):
        return value


def export_orders(request):
    status = request.GET.get("status", "paid")
    cols = [c for c in request.GET.getlist("col") if c in EXPORT_COLUMNS] or list(EXPORT_COLUMNS)
    sql = "SELECT {} FROM orders_order WHERE status = %s".format(", ".join(cols))
    with connection.cursor() as cur:
        cur.execute(sql, [status])  # safe: CWE-89 allow-listed columns, bound status
        rows = cur.fetchall()
    writer = csv.writer(Echo())
    resp = StreamingHttpResponse((writer.writerow(r) for r in [cols, *rows]), content_type="text/csv")
    resp["Content-Disposition"] = 'attachment; filename="orders.csv"'  # safe: CWE-113 constant
    return resp


def export_totals(request):
    group = request.GET.get("group_by", "status")
    with connection.cursor() as cur:
        cur.execute(f"SELECT {group}, sum(total) FROM orders_order GROUP BY 1")  # expect: CWE-89
        rows = cur.fetchall()
    return HttpResponse("\n".join(f"{k},{v}" for k, v in rows), content_type="text/csv")


def export_totals_v2(request):
    expr = GROUPINGS.get(request.GET.get("group_by", "status"), "status")
    with connection.cursor() as cur:
        cur.execute(f"SELECT {expr}, sum(total) FROM orders_order GROUP BY 1")  # safe: CWE-89 constant map
        rows = cur.fetchall()
    return HttpResponse("\n".join(f"{k},{v}" for k, v in rows), content_type="text/csv")


def export_customer(request):
    settings = {"table": "orders_order", "key": request.GET.get("customer", "0")}
    settings["table"] = "orders_order"
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, total FROM {settings['table']} WHERE customer_id = %s", [settings["key"]])  # safe: CWE-89 constant dict key, bound value
        rows = cur.fetchall()
    return HttpResponse("\n".join(f"{a},{b}" for a, b in rows), content_type="text/csv")
