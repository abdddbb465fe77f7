"""Query-string dependencies for the stock endpoints."""
from fastapi import Query


class StockFilter:
    def __init__(self, site: str = Query("main"), bin_prefix: str = Query(""), min_qty: int = Query(0)):
        self.site = site
        self.bin_prefix = bin_prefix
        self.min_qty = min_qty

    def where(self):
        clauses = [f"qty >= {self.min_qty}"]
        if self.bin_prefix:
            clauses.append(f"bin LIKE '{self.bin_prefix}%'")
        return " AND ".join(clauses)
