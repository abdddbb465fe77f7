"""Stock queries (SQLAlchemy Core text())."""
import pandas as pd
from sqlalchemy import text

SORTABLE = {"sku": "sku", "qty": "qty", "bin": "bin", "updated": "updated_at"}


class InventoryRepo:
    def __init__(self, session):
        self.s = session

    def list_stock(self, flt):
        return self.s.execute(text("SELECT sku, qty FROM stock WHERE " + flt.where())).all()  # expect: CWE-89 clause built by a Depends class

    def list_stock_v2(self, flt):
        return self.s.execute(text("SELECT sku, qty FROM stock WHERE qty >= :q AND bin LIKE :p"), {"q": flt.min_qty, "p": flt.bin_prefix + "%"}).all()  # safe: CWE-89 bound parameters

    def by_site(self, site):
        stmt = "SELECT sku FROM stock WHERE site = '{}'".format(site)
        return self.s.execute(text(stmt)).scalars().all()  # expect: CWE-89 str.format

    def sorted(self, key, direction):
        col = SORTABLE[key] if key in SORTABLE else "sku"
        order = "DESC" if direction == "desc" else "ASC"
        return self.s.execute(text(f"SELECT sku, qty FROM stock ORDER BY {col} {order}")).all()  # safe: CWE-89 column from a constant map, two-valued direction

    def bulk_lookup(self, skus):
        placeholders = ", ".join(f":s{i}" for i in range(len(skus)))
        params = {f"s{i}": sku for i, sku in enumerate(skus)}
        return self.s.execute(text(f"SELECT sku, qty FROM stock WHERE sku IN ({placeholders})"), params).all()  # safe: CWE-89 placeholders only

    def bulk_lookup_legacy(self, skus):
        quoted = ", ".join("'%s'" % sku for sku in skus)
        return self.s.execute(text(f"SELECT sku, qty FROM stock WHERE sku IN ({quoted})")).all()  # expect: CWE-89 values quoted by hand

    def export_frame(self, site):
        return pd.read_sql(f"SELECT * FROM stock WHERE site = '{site}'", self.s.bind)  # expect: CWE-89 pandas read_sql

    def export_frame_v2(self, site):
        return pd.read_sql(text("SELECT * FROM stock WHERE site = :site"), self.s.bind, params={"site": site})  # safe: CWE-89 bound parameter
