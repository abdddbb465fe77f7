"""FastAPI parameters typed with an Enum of the application."""
from enum import Enum

from fastapi import APIRouter, Query

router = APIRouter()


class SortField(str, Enum):
    name = "name"
    sku = "sku"


@router.get("/items")
async def list_items(db, sort: SortField = Query(SortField.name), order: str = Query("asc")):
    await db.fetch(f"SELECT id FROM items ORDER BY {sort.value}")  # safe look-alike: an Enum member
    await db.fetch(f"SELECT id FROM items ORDER BY name {order}")  # want: PP201
