import base64
import json
import logging
import pickle

import requests
import yaml
from django.db import connection
from django.shortcuts import get_object_or_404
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import Customer
from ..services.orders import archive_customer, totals_by_status

log = logging.getLogger("portal.api")

AVATAR_BASE = "https://avatars.example.com/u/"


class CustomerViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAuthenticated]

    def list(self, request):
        region = request.query_params.get("region", "")
        order = request.query_params.get("ordering", "name")
        with connection.cursor() as cur:
            cur.execute(f"SELECT id, name FROM portal_customer WHERE region = %s ORDER BY {order}", [region])  # expect: CWE-89 ordering column from the query string
            rows = cur.fetchall()
        return Response([{"id": r[0], "name": r[1]} for r in rows])

    def retrieve(self, request, pk=None):
        customer = get_object_or_404(Customer, pk=pk, owner=request.user)
        return Response({"id": customer.pk, "name": customer.name})

    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        if not request.user.is_staff:
            return Response(status=status.HTTP_403_FORBIDDEN)
        archive_customer(pk)
        return Response({"archived": pk})

    @action(detail=False, methods=["get"])
    def totals(self, request):
        statuses = request.query_params.getlist("status")
        return Response(totals_by_status(statuses))


class ImportView(APIView):
    parser_classes = [MultiPartParser]
    permission_classes = [permissions.IsAdminUser]

    def post(self, request):
        blob = request.FILES["snapshot"].read()
        records = pickle.loads(base64.b64decode(blob))  # expect: CWE-502 uploaded pickle
        return Response({"count": len(records)})


class ConfigUploadView(APIView):
    permission_classes = [permissions.IsAdminUser]

    def post(self, request):
        text = request.data.get("config", "")
        cfg = yaml.safe_load(text)  # safe: CWE-502 safe_load
        legacy = yaml.load(request.data.get("legacy", ""), Loader=yaml.Loader)  # expect: CWE-502 full Loader on request data
        return Response({"keys": sorted(cfg or {}), "legacy": bool(legacy)})


class LookupView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request):
        payload = json.loads(request.body)  # safe: CWE-502 JSON
        name = payload.get("name", "")
        log.debug("lookup requested for %s", json.dumps(name))  # safe: CWE-117 json.dumps escapes control characters
        customers = Customer.objects.filter(name__icontains=name, owner=request.user)
        return Response([c.pk for c in customers])


class AvatarProxyView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        user_id = int(request.query_params["user"])
        r = requests.get(f"{AVATAR_BASE}{user_id}.png", timeout=4)  # safe: CWE-918, CWE-400 constant host, int id, timeout set
        return Response({"status": r.status_code})

    def post(self, request):
        source = request.data["source"]
        r = requests.get(source, timeout=4)  # expect: CWE-918 client-chosen URL
        return Response({"status": r.status_code, "size": len(r.content)})
