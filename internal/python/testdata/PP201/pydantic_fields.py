"""FastAPI bodies validated into pydantic models: typed fields are numbers."""
from typing import List

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy import text

router = APIRouter()


class ItemFilter(BaseModel):
    category: str
    min_qty: int = 0
    tags: List[str] = []


@router.post("/search")
def search(flt: ItemFilter, db=Depends(get_session)):
    db.execute(text(f"SELECT id FROM items WHERE category = '{flt.category}'"))  # want: PP201
    db.execute(text(f"SELECT id FROM items WHERE qty >= {flt.min_qty}"))  # safe look-alike: an int field


@router.post("/search/tags")
def search_tags(flt: ItemFilter, db=Depends(get_session)):
    where, params = [], {}
    for i, tag in enumerate(flt.tags):
        where.append(f"tag = :tag{i}")
        params[f"tag{i}"] = tag
    db.execute(text("SELECT id FROM items WHERE " + " AND ".join(where)), params)  # safe look-alike: enumerate's index is an int
    quoted = ", ".join(f"'{t}'" for t in flt.tags)
    db.execute(text("SELECT id FROM items WHERE tag IN (" + quoted + ")"))  # want: PP201
