"""DRF filter backends for the product list."""
from django.db.models.expressions import RawSQL
from rest_framework.filters import BaseFilterBackend

from .models import Product

SORTS = {"newest": "created_at DESC", "cheapest": "price ASC", "name": "name ASC"}


class PriceRangeFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        low = request.query_params.get("min")
        high = request.query_params.get("max")
        if low:
            queryset = queryset.filter(price__gte=low)  # safe: CWE-89 ORM filter
        if high:
            queryset = queryset.extra(where=["price <= %s"], params=[high])  # safe: CWE-89 bound parameter
        return queryset


class TagFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        tag = request.query_params.get("tag")
        if not tag:
            return queryset
        return queryset.extra(where=[f"tags::jsonb ? '{tag}'"])  # expect: CWE-89 tag formatted into extra()


class WarehouseFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        region = request.query_params.get("region")
        if not region:
            return queryset
        stock = RawSQL("SELECT sum(qty) FROM stock WHERE stock.product_id = catalog_product.id AND region = '%s'" % region, ())  # expect: CWE-89
        return queryset.annotate(stock=stock)


class StockFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        region = request.query_params.get("region", "eu")
        stock = RawSQL("SELECT sum(qty) FROM stock WHERE stock.product_id = catalog_product.id AND region = %s", (region,))  # safe: CWE-89 params
        return queryset.annotate(stock=stock)


class NearbyFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        lat = float(request.query_params.get("lat", 0))
        lng = float(request.query_params.get("lng", 0))
        dist = RawSQL(f"point({lng}, {lat}) <@> location", ())  # safe: CWE-89 float()
        return queryset.annotate(distance=dist).order_by("distance")


class SortFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        key = request.query_params.get("sort", "newest")
        clause = SORTS.get(key, SORTS["newest"])
        return Product.objects.raw(f"SELECT * FROM catalog_product ORDER BY {clause}")  # safe: CWE-89 value from a constant map
