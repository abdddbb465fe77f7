"""Return requests (RMA) handled by the support team."""
import logging

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape

log = logging.getLogger(__name__)
REASONS = {"damaged": "Damaged in transit", "wrong": "Wrong item", "other": "Other"}


class ReturnQuery:
    """Filter built from the support console's query string."""

    def __init__(self, request):
        self.order_id = request.GET.get("order", "0")
        self.reason = request.GET.get("reason", "other")
        self.limit = 50

    @property
    def reason_label(self):
        return REASONS.get(self.reason, "Other")

    @property
    def safe_order_id(self):
        return int(self.order_id)

    def where_clause(self):
        return f"order_id = {self.order_id}"

    def where_clause_v2(self):
        return f"order_id = {self.safe_order_id}"


def list_returns(request):
    q = ReturnQuery(request)
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, status FROM orders_return WHERE {q.where_clause()} LIMIT {q.limit}")  # expect: CWE-89
        rows = cur.fetchall()
    return JsonResponse({"rows": rows})


def list_returns_v2(request):
    q = ReturnQuery(request)
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, status FROM orders_return WHERE {q.where_clause_v2()} LIMIT {q.limit}")  # safe: CWE-89 int() inside the property
        rows = cur.fetchall()
    return JsonResponse({"rows": rows})


def list_returns_v3(request):
    q = ReturnQuery(request)
    with connection.cursor() as cur:
        cur.execute("SELECT id, status FROM orders_return WHERE order_id = %s AND reason = %s LIMIT %s", [q.order_id, q.reason, q.limit])  # safe: CWE-89 parameters
        rows = cur.fetchall()
    return JsonResponse({"rows": rows})


def reason_banner(request):
    q = ReturnQuery(request)
    return HttpResponse(f"<div class='reason'>{q.reason_label}</div>")  # safe: CWE-79 constant map value


def reason_banner_raw(request):
    q = ReturnQuery(request)
    return HttpResponse(f"<div class='reason'>{q.reason}</div>")  # expect: CWE-79


def reason_banner_escaped(request):
    q = ReturnQuery(request)
    return HttpResponse(f"<div class='reason'>{escape(q.reason)}</div>")  # safe: CWE-79 escape


def bulk_close(request):
    ids = [int(x) for x in request.POST.getlist("id")]
    with connection.cursor() as cur:
        cur.executemany("UPDATE orders_return SET status = 'closed' WHERE id = %s", [(i,) for i in ids])  # safe: CWE-89 parameters
    log.info("closed returns %s", ids)  # safe: CWE-117 integers
    return JsonResponse({"closed": len(ids)})


def bulk_tag(request):
    tags = request.POST.getlist("tag")
    clauses = []
    for t in tags:
        clauses.append(f"'{t}'")
    with connection.cursor() as cur:
        cur.execute("UPDATE orders_return SET tags = ARRAY[" + ", ".join(clauses) + "] WHERE status = 'open'")  # expect: CWE-89
    log.info("tagged open returns with %s", ", ".join(tags))  # expect: CWE-117
    return JsonResponse({"ok": True})
