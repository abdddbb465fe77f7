"""Hand-written SQL for the management reports."""
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from .models import Order

REPORT_COLUMNS = {"revenue": "SUM(amount)", "orders": "COUNT(*)", "avg": "AVG(amount)"}


def weighted(qs, weight: float):
    return qs.annotate(score=RawSQL(f"amount * {weight:.4f}", []))  # safe: CWE-89 weight is formatted as a float


def score_view(request):
    weight = float(request.GET.get("weight", "1"))
    return JsonResponse({"top": list(weighted(Order.objects.all(), weight).values_list("pk", flat=True)[:10])})


def score_view_raw(request):
    weight = request.GET.get("weight", "1")
    qs = Order.objects.annotate(score=RawSQL("amount * " + weight, []))  # expect: CWE-89
    return JsonResponse({"top": list(qs.values_list("pk", flat=True)[:10])})


def monthly(request):
    metric = request.GET.get("metric", "revenue")
    expr = REPORT_COLUMNS.get(metric)
    if expr is None:
        return JsonResponse({"error": "unknown metric"}, status=400)
    with connection.cursor() as cur:
        cur.execute(f"SELECT date_trunc('month', created_at), {expr} FROM crm_order GROUP BY 1")  # safe: CWE-89 value from a constant map
        return JsonResponse({"rows": cur.fetchall()})


def by_region(request):
    regions = request.GET.getlist("region")
    clause = " OR ".join(f"region = '{r}'" for r in regions)
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM crm_customer WHERE " + clause)  # expect: CWE-89 built in a generator
        return JsonResponse({"ids": [r[0] for r in cur.fetchall()]})


def top_customers(limit):
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM crm_customer ORDER BY lifetime_value DESC LIMIT %d" % limit)  # safe: CWE-89 %d accepts only numbers
        return [r[0] for r in cur.fetchall()]


def top_view(request):
    return JsonResponse({"ids": top_customers(int(request.GET.get("n", "10")))})


def pandas_export(request):
    import pandas as pd

    table = request.GET.get("table", "crm_customer")
    frame = pd.read_sql(f"SELECT * FROM {table}", connection)  # expect: CWE-89
    return JsonResponse({"rows": len(frame)})
