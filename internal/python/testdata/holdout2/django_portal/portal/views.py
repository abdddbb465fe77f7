import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from .models import Customer, Order
from .services import orders as order_service

log = logging.getLogger("portal.views")

REGIONS = {"emea", "apac", "amer"}


@login_required
@require_GET
def search(request):
    term = request.GET.get("q", "")
    region = request.GET.get("region", "emea")
    customers = Customer.objects.raw("SELECT * FROM portal_customer WHERE name LIKE %s", [f"%{term}%"])  # safe: CWE-89 parameterised raw()
    if region not in REGIONS:
        return HttpResponseBadRequest("unknown region")
    by_region = Customer.objects.extra(where=[f"region = '{region}'"])  # safe: CWE-89 region limited to REGIONS
    legacy = Customer.objects.raw(f"SELECT * FROM portal_customer WHERE name LIKE '%%{term}%%'")  # expect: CWE-89 term formatted into raw()
    return render(request, "portal/search.html", {"customers": customers, "by_region": by_region, "legacy": legacy, "term": term})


@login_required
def order_detail(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer__owner=request.user)
    with connection.cursor() as cur:
        cur.execute(f"SELECT sum(total_cents) FROM portal_order WHERE customer_id = {order.customer_id}")  # safe: CWE-89 integer primary key from the database
        lifetime = cur.fetchone()[0]
    return render(request, "portal/order.html", {"order": order, "lifetime": lifetime})


@login_required
def export_orders(request):
    status = request.GET.get("status", "open")
    min_total = request.GET.get("min_total", "0")
    qs = Order.objects.annotate(score=RawSQL("total_cents * %s", (int(min_total),)))  # safe: CWE-89 parameter list
    qs = qs.extra(where=["status = '%s'" % status])  # expect: CWE-89 status formatted into extra()
    rows = order_service.to_csv(qs)
    return HttpResponse(rows, content_type="text/csv")


@login_required
def document(request):
    name = request.GET.get("name", "")
    path = os.path.join(settings.REPORTS_ROOT, request.user.username, name)
    return FileResponse(open(path, "rb"), as_attachment=True)  # expect: CWE-22 name may hold ../


@login_required
def document_v2(request):
    name = os.path.basename(request.GET.get("name", ""))
    path = os.path.join(settings.REPORTS_ROOT, request.user.username, name)
    if not os.path.isfile(path):
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True)  # safe: CWE-22 basename strips directories


def outbound(request):
    target = request.GET.get("to", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=True):
        return redirect(target)  # safe: CWE-601 checked with url_has_allowed_host_and_scheme
    return redirect("/")


def outbound_legacy(request):
    return HttpResponseRedirect(request.GET.get("to", "/"))  # expect: CWE-601 unchecked target


def greet(request):
    name = request.GET.get("name", "guest")
    return HttpResponse("<p>Hello, %s</p>" % name)  # expect: CWE-79 reflected name


def greet_v2(request):
    name = request.GET.get("name", "guest")
    return HttpResponse(format_html("<p>Hello, {}</p>", name))  # safe: CWE-79 format_html escapes


def greet_v3(request):
    name = request.GET.get("name", "guest")
    banner = mark_safe("<p>Hello, " + escape(name) + "</p>")  # safe: CWE-79 escaped before mark_safe
    notice = mark_safe("<p class='notice'>" + request.GET.get("notice", "") + "</p>")  # expect: CWE-79 raw parameter marked safe
    return render(request, "portal/greet.html", {"banner": banner, "notice": notice})


@login_required
@require_POST
def preferences(request):
    page_size = request.POST.get("page_size", "25")
    try:
        request.session["page_size"] = max(10, min(int(page_size), 100))  # safe: CWE-501 converted and clamped
    except ValueError:
        return HttpResponseBadRequest("page_size must be a number")
    request.session["display_name"] = request.POST.get("display_name", "")  # expect: CWE-501 raw client value kept in the session
    log.info("preferences saved for user %s", request.user.pk)  # safe: CWE-117 primary key
    return JsonResponse({"ok": True})


def healthz(request):
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")  # safe: CWE-89 constant
    except Exception as exc:
        return JsonResponse({"status": "down", "error": str(exc)}, status=503)  # expect: CWE-209 database error text returned
    return JsonResponse({"status": "ok"})
