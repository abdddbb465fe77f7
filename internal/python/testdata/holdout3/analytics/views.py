"""Analytics dashboards (Django)."""
import csv
import io
import logging
import traceback

import pandas as pd
from django.db import connection
from django.http import HttpResponse, JsonResponse

from .queries import METRICS, LegacyMetricQuery, MetricQuery

log = logging.getLogger("analytics")


def series(request):
    q = MetricQuery(request.GET.get("metric", "signups"), request.GET.get("by", "day"))
    return JsonResponse({"points": q.run()})


def series_legacy(request):
    q = LegacyMetricQuery(request.GET.get("metric", "signups"), request.GET.get("by", "day"))
    return JsonResponse({"points": q.run()})


def export_csv(request):
    metric = request.GET.get("metric", "signups")
    try:
        if metric not in METRICS:
            raise ValueError(f"unknown metric {metric}")
        frame = pd.read_sql("SELECT ts, value FROM metrics WHERE name = %(m)s", connection, params={"m": metric})  # safe: CWE-89 bound parameter
        buf = io.StringIO()
        frame.to_csv(buf, index=False)
        return HttpResponse(buf.getvalue(), content_type="text/csv")
    except Exception:
        return HttpResponse(traceback.format_exc(), status=500, content_type="text/plain")  # expect: CWE-209 traceback in the response


def export_json(request):
    try:
        rows = MetricQuery(request.GET.get("metric", "signups")).run()
    except Exception as exc:
        log.exception("export failed")
        return JsonResponse({"error": "export failed", "ref": id(exc)}, status=500)  # safe: CWE-209 generic message
    return JsonResponse({"rows": rows})


def export_json_debug(request):
    try:
        rows = MetricQuery(request.GET.get("metric", "signups")).run()
    except Exception as exc:
        return JsonResponse({"error": repr(exc)}, status=500)  # expect: CWE-209 repr of the exception
    return JsonResponse({"rows": rows})


def top_pages(request):
    n = int(request.GET.get("n", "10"))
    with connection.cursor() as cur:
        cur.execute("SELECT path, count(*) FROM hits GROUP BY path ORDER BY 2 DESC LIMIT %d" % n)  # safe: CWE-89 %d of an int
        rows = cur.fetchall()
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return HttpResponse(out.getvalue(), content_type="text/csv")
