"""Report downloads."""
import os

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse


def report(request):
    name = request.GET.get("name", "")
    path = os.path.join(settings.REPORT_ROOT, name)
    try:
        return FileResponse(open(path, "rb"), as_attachment=True)  # expect: CWE-22
    except FileNotFoundError:
        raise Http404("no report")


def report_v2(request):
    reports = {"weekly": "weekly.xlsx", "monthly": "monthly.xlsx"}
    name = reports.get(request.GET.get("name", ""))
    if name is None:
        raise Http404("no report")
    return FileResponse(open(os.path.join(settings.REPORT_ROOT, name), "rb"), as_attachment=True)  # safe: CWE-22 constant table


def report_inline(request):
    quarter = int(request.GET.get("q", "1"))
    with open(os.path.join(settings.REPORT_ROOT, f"q{quarter}.html")) as fh:  # safe: CWE-22 int
        return HttpResponse(fh.read())
