"""Function views for customer records."""
import logging

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from .models import Customer, Note

log = logging.getLogger("crm.views")


@login_required
def customer_search(request):
    q = request.GET.get("q", "")
    region = request.GET.get("region", "")
    sql = "SELECT id, name, email FROM crm_customer WHERE name ILIKE %s"
    params = [f"%{q}%"]
    if region:
        sql += " AND region = %s"
        params.append(region)
    customers = Customer.objects.raw(sql, params)  # safe: CWE-89 placeholders and params
    return render(request, "crm/search.html", {"customers": customers, "q": q})


@login_required
def customer_by_email(request):
    email = request.GET["email"]
    rows = Customer.objects.raw("SELECT * FROM crm_customer WHERE email = '" + email + "'")  # expect: CWE-89
    return render(request, "crm/list.html", {"customers": rows})


@login_required
def notes_since(request, customer_id):
    since = request.GET.get("since", "1970-01-01")
    notes = Note.objects.filter(customer_id=customer_id).extra(where=[f"created_at >= '{since}'"])  # expect: CWE-89
    return render(request, "crm/notes.html", {"notes": notes})


@login_required
def notes_since_v2(request, customer_id):
    since = request.GET.get("since", "1970-01-01")
    notes = Note.objects.filter(customer_id=customer_id).extra(where=["created_at >= %s"], params=[since])  # safe: CWE-89 params
    return render(request, "crm/notes.html", {"notes": notes})


@login_required
def export_ids(request):
    ids = request.GET.getlist("id")
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, name FROM crm_customer WHERE id IN ({placeholders})", ids)  # safe: CWE-89 only placeholders are formatted in
        rows = cur.fetchall()
    return JsonResponse({"rows": rows})


def greet(request):
    name = request.GET.get("name", "there")
    return HttpResponse(f"<p>Hello, {name}!</p>")  # expect: CWE-79


def greet_escaped(request):
    name = escape(request.GET.get("name", "there"))
    return HttpResponse(f"<p>Hello, {name}!</p>")  # safe: CWE-79 django escape


def greet_format_html(request):
    return HttpResponse(format_html("<p>Hello, {}!</p>", request.GET.get("name", "there")))  # safe: CWE-79 format_html escapes


def echo_text(request):
    return HttpResponse(request.GET.get("msg", ""), content_type="text/plain")  # safe: CWE-79 text/plain is not rendered as HTML


def after_login(request):
    nxt = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(nxt)  # safe: CWE-601 checked with url_has_allowed_host_and_scheme
    return redirect("crm:home")


def bounce(request):
    return HttpResponseRedirect(request.GET.get("to", "/"))  # expect: CWE-601


@csrf_exempt  # expect: CWE-352
@login_required
@require_POST
def delete_note(request, note_id):
    note = get_object_or_404(Note, pk=note_id, author=request.user)
    note.delete()
    log.info("note %s deleted by user %s", note_id, request.user.pk)  # safe: CWE-117 <int:> converter in urls.py
    return JsonResponse({"deleted": note_id})


@csrf_protect  # safe: CWE-352 protection, not exemption
@login_required
@require_POST
def archive_note(request, note_id):
    note = get_object_or_404(Note, pk=note_id, author=request.user)
    note.archived = True
    note.save(update_fields=["archived"])
    return JsonResponse({"archived": note.pk})


@login_required
def customer_card(request, customer_ref):
    log.info("card requested for %s", customer_ref)  # expect: CWE-117 the str converter lets %0A through
    customer = get_object_or_404(Customer, ref=customer_ref)
    return render(request, "crm/card.html", {"customer": customer})


@login_required
def remember_device(request):
    token = signing.dumps({"uid": request.user.pk}, salt="crm.device")
    response = redirect("crm:home")
    response.set_cookie("crm_device", token, max_age=90 * 86400)  # expect: CWE-614, CWE-1004
    response.set_cookie("crm_device_v2", token, max_age=90 * 86400, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004 both flags set
    return response
