from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .deps import Pagination
from .models import Item

FILTER_COLUMNS = {"sku", "name", "warehouse"}


class ItemRepository:
    def __init__(self, db: Session):
        self.db = db

    def by_sku(self, sku: str):
        return self.db.scalars(select(Item).where(Item.sku == sku)).first()  # safe: CWE-89 ORM

    def search(self, term: str):
        return self.db.query(Item).filter(Item.name.ilike(f"%{term}%")).limit(50).all()  # safe: CWE-89 ORM binds the pattern

    def page(self, p: Pagination):
        sql = f"SELECT * FROM items ORDER BY {p.sort} LIMIT {p.limit} OFFSET {p.offset}"
        return self.db.execute(text(sql)).mappings().all()  # expect: CWE-89 sort is a free query string

    def count_in(self, warehouse: str):
        return self.db.execute(text("SELECT count(*) FROM items WHERE warehouse = :w"), {"w": warehouse}).scalar()  # safe: CWE-89 bound

    def low_stock(self, threshold):
        stmt = text(f"SELECT sku FROM items WHERE qty < {int(threshold)}")
        return self.db.execute(stmt).scalars().all()  # safe: CWE-89 int()

    def by_column(self, column: str, value: str):
        if column not in FILTER_COLUMNS:
            raise ValueError(f"cannot filter on {column!r}")
        return self.db.execute(text(f"SELECT * FROM items WHERE {column} = :v"), {"v": value}).mappings().all()  # safe: CWE-89 allow-listed column, bound value

    def move(self, sku: str, warehouse: str):
        self.db.execute(text("UPDATE items SET warehouse = '" + warehouse + "' WHERE sku = :sku"), {"sku": sku})  # expect: CWE-89
        self.db.commit()
