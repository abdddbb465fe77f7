import json
import logging

from django.db import connection
from django.http import HttpResponse
from django.utils.html import escape, format_html
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import search
from .filters import PriceRangeFilter, TagFilter, WarehouseFilter
from .models import Product
from .pagination import KeysetPaginator, StandardPagination
from .permissions import IsCatalogManager, IsOwnerOrReadOnly
from .serializers import BulkTagSerializer, ProductSearchSerializer, ProductSerializer

log = logging.getLogger(__name__)


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.select_related("category")
    serializer_class = ProductSerializer
    pagination_class = StandardPagination
    permission_classes = [IsOwnerOrReadOnly]
    filter_backends = [PriceRangeFilter, TagFilter, WarehouseFilter]

    def get_queryset(self):
        qs = super().get_queryset()
        brand = self.request.query_params.get("brand")
        if brand:
            qs = qs.filter(brand__iexact=brand)  # safe: CWE-89 ORM
        return qs

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    @action(detail=False)
    def search(self, request):
        ser = ProductSearchSerializer(data=request.query_params)
        ser.is_valid(raise_exception=True)
        rows = search.full_text(ser.validated_data["q"], ser.validated_data.get("ordering"))
        return Response([{"id": r[0], "name": r[1]} for r in rows])

    @action(detail=False, url_path="legacy-search")
    def legacy(self, request):
        ids = search.legacy_search(request.query_params.get("q", ""))
        return Response({"ids": ids})

    @action(detail=False)
    def suggest(self, request):
        prefix = request.query_params.get("prefix", "")
        log.info("suggest prefix=%r", prefix)  # safe: CWE-117 %r
        names = Product.objects.filter(name__istartswith=prefix).values_list("name", flat=True)[:10]
        return Response(list(names))

    @action(detail=False)
    def feed(self, request):
        return Response(KeysetPaginator(request).fetch())

    @action(detail=True)
    def badge(self, request, pk=None):
        product = self.get_object()
        label = request.query_params.get("label", "New")
        html = f"<span class='badge'>{label}</span> {escape(product.name)}"
        return HttpResponse(html)  # expect: CWE-79

    @action(detail=True, url_path="badge-v2")
    def badge_v2(self, request, pk=None):
        product = self.get_object()
        label = request.query_params.get("label", "New")
        return HttpResponse(format_html("<span class='badge'>{}</span> {}", label, product.name))  # safe: CWE-79 format_html

    @action(detail=True, url_path="badge-v3")
    def badge_v3(self, request, pk=None):
        label = escape(request.query_params.get("label", "New"))
        return HttpResponse("<span class='badge'>%s</span>" % label)  # safe: CWE-79 escape

    @action(detail=False, methods=["post"], url_path="bulk-price")
    def bulk_price(self, request):
        assert request.user.is_staff, "staff only"  # expect: CWE-617
        factor = float(request.data.get("factor", 1))
        with connection.cursor() as cur:
            cur.execute(f"UPDATE catalog_product SET price = price * {factor}")  # safe: CWE-89 float()
        return Response({"ok": True})

    @action(detail=False, methods=["post"], url_path="bulk-tag", permission_classes=[IsCatalogManager])
    def bulk_tag(self, request):
        ser = BulkTagSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        ids = ser.validated_data["product_ids"]
        with connection.cursor() as cur:
            cur.execute("UPDATE catalog_product SET tags = tags || %s::jsonb WHERE id = ANY(%s)", [json.dumps([ser.validated_data["tag"]]), ids])  # safe: CWE-89 bound parameters
        return Response({"updated": len(ids)})

    @action(detail=False)
    def stats(self, request):
        try:
            days = int(request.query_params.get("days", "30"))
        except ValueError:
            return Response({"error": "days must be an integer"}, status=status.HTTP_400_BAD_REQUEST)
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM catalog_product WHERE created_at > now() - interval '%s days'" % days)  # safe: CWE-89 int()
            (count,) = cur.fetchone()
        return Response({"days": days, "count": count})

    @action(detail=False, methods=["post"], url_path="import-feed")
    def import_feed(self, request):
        try:
            count = search.reindex_from(request.data.get("feed_url", ""))
        except Exception as exc:
            return Response({"error": str(exc)}, status=500)  # expect: CWE-209
        return Response({"imported": count})

    @action(detail=False, methods=["post"], url_path="import-trusted-feed")
    def import_trusted_feed(self, request):
        try:
            count = search.reindex_from_trusted(request.data.get("feed_url", ""))
        except ValueError:
            return Response({"error": "feed host is not allowed"}, status=400)  # safe: CWE-209 constant message
        except Exception:
            log.exception("feed import failed")
            return Response({"error": "import failed"}, status=500)  # safe: CWE-209
        return Response({"imported": count})
