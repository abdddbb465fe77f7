from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Supplier(Base):
    __tablename__ = "suppliers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    api_base: Mapped[str] = mapped_column(String(255))


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    warehouse: Mapped[str] = mapped_column(String(20))
    qty: Mapped[int] = mapped_column(Integer, default=0)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
