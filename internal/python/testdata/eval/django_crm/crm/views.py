"""Contact management views."""
import logging

import pandas as pd
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404

from .models import Contact

logger = logging.getLogger("crm")


def contacts_in_city(request):
    city = request.GET.get("city", "")
    frame = pd.read_sql(f"SELECT name, email FROM crm_contact WHERE city = '{city}'", connection)  # expect: CWE-89
    return JsonResponse(frame.to_dict(orient="records"), safe=False)


def contacts_in_city_v2(request):
    city = request.GET.get("city", "")
    frame = pd.read_sql("SELECT name, email FROM crm_contact WHERE city = %s", connection, params=[city])  # safe: CWE-89
    return JsonResponse(frame.to_dict(orient="records"), safe=False)


def contacts_by_company(request):
    company = request.GET.get("company", "")
    contacts = Contact.objects.filter(company__iexact=company).values("name", "email")  # safe: CWE-89 ORM filter
    return JsonResponse(list(contacts), safe=False)


def contact_card(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    note = request.GET.get("note", "")
    return HttpResponse(f"<h2>{contact.name}</h2><p>{note}</p>")  # expect: CWE-79


def merge(request):
    keep = request.POST["keep"]
    drop = request.POST["drop"]
    with connection.cursor() as cur:
        cur.execute("UPDATE crm_deal SET contact_id = %s WHERE contact_id = %s" % (keep, drop))  # expect: CWE-89
        cur.execute("DELETE FROM crm_contact WHERE id = %s", [drop])  # safe: CWE-89
    logger.info("merged contact %s into %s", int(drop), int(keep))  # safe: CWE-117
    return HttpResponseRedirect(request.POST.get("next", "/contacts/"))  # expect: CWE-601


def bulk_tag(request):
    tag = request.POST["tag"]
    ids = [int(i) for i in request.POST.getlist("id")]
    with connection.cursor() as cur:
        cur.executemany("INSERT INTO crm_tag (contact_id, tag) VALUES (%s, %s)", [(i, tag) for i in ids])  # safe: CWE-89
    return JsonResponse({"tagged": len(ids)})


def import_contacts(request):
    frame = pd.read_pickle(request.FILES["file"])  # expect: CWE-502
    return JsonResponse({"rows": len(frame)})


def import_contacts_csv(request):
    frame = pd.read_csv(request.FILES["file"])  # safe: CWE-502 CSV
    return JsonResponse({"rows": len(frame)})
