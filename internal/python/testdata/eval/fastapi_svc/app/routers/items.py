from typing import List

from fastapi import APIRouter, Query

from .. import db

router = APIRouter(prefix="/items")
ORDERS = {"name": "name ASC", "qty": "qty DESC"}


@router.get("/search")
def search(name: str = Query(...)):
    return [dict(r._mapping) for r in db.search_items(name)]


@router.get("/search/v2")
def search_v2(name: str = Query(...)):
    return [dict(r._mapping) for r in db.search_items_safe(name)]


@router.get("/by-id")
def by_ids(ids: List[int] = Query(...)):
    return [dict(r._mapping) for r in db.items_by_ids(ids)]


@router.get("/by-code")
def by_codes(codes: List[str] = Query(...)):
    return [dict(r._mapping) for r in db.items_by_codes(codes)]


@router.get("/{item_id}")
def get_item(item_id: int):
    row = db.item_by_id(item_id)
    return dict(row._mapping) if row else {}


@router.get("/sorted")
def sorted_items(order: str = "name"):
    return [dict(r._mapping) for r in db.sorted_items(order)]


@router.get("/sorted/v2")
def sorted_items_v2(order: str = "name"):
    return [dict(r._mapping) for r in db.sorted_items(ORDERS.get(order, "name ASC"))]


@router.get("/low")
def low(threshold: int = 5):
    return [r[0] for r in db.low_stock(threshold)]
