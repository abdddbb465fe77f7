import logging

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from ..core.db import pool
from ..core.security import current_claims, require_admin
from ..schemas import ItemFilter, SortField

router = APIRouter(prefix="/items", tags=["items"])
log = logging.getLogger("inventory.items")


@router.get("/")
async def list_items(category: str = Query(...), sort: SortField = Query(SortField.name), limit: int = Query(50, le=500), claims: dict = Depends(current_claims)):
    db = await pool()
    rows = await db.fetch(f"SELECT id, name, sku FROM items WHERE category = $1 ORDER BY {sort.value} LIMIT {limit}", category)  # safe: CWE-89 enum member and int parameter
    return [dict(r) for r in rows]


@router.get("/search")
async def search_items(q: str = Query(..., min_length=2), claims: dict = Depends(current_claims)):
    db = await pool()
    rows = await db.fetch(f"SELECT id, name FROM items WHERE name ILIKE '%{q}%'")  # expect: CWE-89 query text formatted in
    return [dict(r) for r in rows]


@router.post("/filter")
async def filter_items(body: ItemFilter, claims: dict = Depends(current_claims)):
    db = await pool()
    sql = "SELECT id, name FROM items WHERE category = '" + body.category + "' ORDER BY " + body.sort.value
    rows = await db.fetch(sql)  # expect: CWE-89 category is a free string from the body
    return [dict(r) for r in rows]


@router.get("/{item_id}")
async def get_item(item_id: int = Path(..., ge=1), claims: dict = Depends(current_claims)):
    db = await pool()
    row = await db.fetchrow(f"SELECT id, name, sku FROM items WHERE id = {item_id}")  # safe: CWE-89 typed int path parameter
    if row is None:
        raise HTTPException(404)
    return dict(row)


@router.delete("/by-sku/{sku}")
async def delete_by_sku(sku: str, claims: dict = Depends(require_admin)):
    db = await pool()
    await db.execute("DELETE FROM items WHERE sku = $1", sku)  # safe: CWE-89 bound parameter
    log.info("item %s deleted by %s", sku, claims["sub"])  # expect: CWE-117 path text logged raw
    return {"deleted": sku}
