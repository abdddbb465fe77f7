from django.db import connection
from rest_framework.pagination import PageNumberPagination

PRODUCT_TABLE = "catalog_product"


class StandardPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200


class KeysetPaginator:
    """Cheap keyset pagination for the public feed."""

    def __init__(self, request):
        self.after = int(request.query_params.get("after", 0))
        self.size = min(int(request.query_params.get("size", 25)), 100)

    def fetch(self):
        with connection.cursor() as cur:
            cur.execute(f"SELECT id, name FROM {PRODUCT_TABLE} WHERE id > {self.after} ORDER BY id LIMIT {self.size}")  # safe: CWE-89 int() attributes and constant table
            rows = cur.fetchall()
        assert len(rows) <= self.size  # safe: CWE-617 data invariant
        return rows
