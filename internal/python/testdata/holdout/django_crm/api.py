"""REST API for the CRM (Django REST framework)."""
import logging
import re

import requests
import yaml
from django.db import connection
from rest_framework import viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Customer

log = logging.getLogger("crm.api")
ORDER_COLUMNS = {"name", "created_at", "region"}
HOOK_HOSTS = {"hooks.example.com"}


class CustomerSearchAPI(APIView):
    def get(self, request):
        pattern = request.query_params.get("pattern", "")
        names = Customer.objects.values_list("name", flat=True)
        rx = re.compile(pattern, re.IGNORECASE)  # expect: CWE-730
        return Response([n for n in names if rx.search(n)])


class WebhookTestAPI(APIView):
    def post(self, request):
        target = request.data.get("url")
        r = requests.post(target, json={"ping": True}, timeout=5)  # expect: CWE-918
        return Response({"status": r.status_code})


class ImportAPI(APIView):
    def post(self, request):
        spec = yaml.safe_load(request.data.get("spec", ""))  # safe: CWE-502 safe_load
        return Response({"fields": sorted(spec or {})})


class CustomerViewSet(viewsets.ViewSet):
    def list(self, request):
        order = request.query_params.get("order", "name")
        column = order.lstrip("-")
        if column not in ORDER_COLUMNS:
            return Response({"error": "bad order"}, status=400)
        direction = "DESC" if order.startswith("-") else "ASC"
        rows = Customer.objects.raw(f"SELECT * FROM crm_customer ORDER BY {column} {direction}")  # safe: CWE-89 allow-listed column, constant direction
        return Response([c.pk for c in rows])

    def retrieve(self, request, pk=None):
        with connection.cursor() as cur:
            cur.execute("SELECT id, name FROM crm_customer WHERE id = %s", [pk])  # safe: CWE-89 parameterised
            row = cur.fetchone()
        return Response({"row": row})

    @action(detail=True, methods=["post"])
    def tag(self, request, pk=None):
        label = request.data["label"]
        log.info("tagging customer with %s", label)  # expect: CWE-117
        Customer.objects.filter(pk=pk).update(tag=label)
        return Response({"ok": True})

    @action(detail=False, methods=["get"])
    def ping_hook(self, request):
        url = request.query_params.get("url", "")
        host = requests.utils.urlparse(url).hostname
        if host not in HOOK_HOSTS:
            return Response({"error": "host not allowed"}, status=400)
        r = requests.get(url, timeout=5)  # safe: CWE-918 host allow-listed
        return Response({"status": r.status_code})


@api_view(["POST"])
def bulk_update(request):
    ops = request.data.get("ops", [])
    touched = 0
    for op in ops:
        field = op["field"]
        touched += Customer.objects.filter(pk=int(op["id"])).extra(where=[f"{field} IS NOT NULL"]).count()  # expect: CWE-89
    return Response({"touched": touched})


@api_view(["GET"])
def session_prefs(request):
    request.session["tz"] = request.query_params.get("tz", "UTC")  # expect: CWE-501
    request.session["page_size"] = int(request.query_params.get("page_size", 25))  # safe: CWE-501 converted to int
    return Response({"ok": True})
