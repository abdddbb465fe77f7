"""Item listing and search."""
from typing import List

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel
from sqlalchemy import text

from ..deps import Paging, get_conn, get_session, paging, tenant_from_header
from ..repo import InventoryRepo

router = APIRouter(prefix="/items")
ORDERABLE = {"name", "sku", "updated_at"}


class ItemFilter(BaseModel):
    category: str
    min_qty: int = 0
    tags: List[str] = []


def get_repo(conn=Depends(get_conn)) -> InventoryRepo:
    return InventoryRepo(conn)


@router.get("/")
def list_items(p: Paging = Depends(paging), db=Depends(get_session)):
    rows = db.execute(text(f"SELECT id, name FROM items ORDER BY {p.order} LIMIT {p.limit} OFFSET {p.offset}"))  # expect: CWE-89 order is a free string
    return [dict(r._mapping) for r in rows]


@router.get("/v2")
def list_items_v2(p: Paging = Depends(paging), db=Depends(get_session)):
    if p.order not in ORDERABLE:
        raise HTTPException(400, "bad order")
    rows = db.execute(text(f"SELECT id, name FROM items ORDER BY {p.order} LIMIT :limit OFFSET :offset"), {"limit": p.limit, "offset": p.offset})  # safe: CWE-89 allow-listed column, bound limits
    return [dict(r._mapping) for r in rows]


@router.get("/by-sku/{sku}")
def by_sku(sku: str = Path(..., max_length=32), db=Depends(get_session)):
    row = db.execute(text("SELECT * FROM items WHERE sku = '" + sku + "'")).first()  # expect: CWE-89
    return dict(row._mapping) if row else {}


@router.get("/{item_id}")
def get_item(item_id: int, db=Depends(get_session)):
    row = db.execute(text(f"SELECT * FROM items WHERE id = {item_id}")).first()  # safe: CWE-89 typed int parameter
    return dict(row._mapping) if row else {}


@router.post("/search")
def search(flt: ItemFilter, db=Depends(get_session)):
    sql = "SELECT id FROM items WHERE category = :cat AND qty >= :q"
    params = {"cat": flt.category, "q": flt.min_qty}
    if flt.tags:
        sql += " AND tag IN (" + ", ".join(f"'{t}'" for t in flt.tags) + ")"
    return [r.id for r in db.execute(text(sql), params)]  # expect: CWE-89 tags are quoted by hand


@router.post("/search/v2")
def search_v2(flt: ItemFilter, db=Depends(get_session)):
    where = [f"qty >= {flt.min_qty}"]
    params = {}
    for i, tag in enumerate(flt.tags):
        where.append(f"tag = :tag{i}")
        params[f"tag{i}"] = tag
    return [r.id for r in db.execute(text("SELECT id FROM items WHERE " + " AND ".join(where)), params)]  # safe: CWE-89 int field and bound tags


@router.get("/count")
def count(column: str = Query("category"), value: str = Query(...), repo: InventoryRepo = Depends(get_repo)):
    return {"n": repo.count_by(column, value)}


@router.get("/count/category")
def count_category(value: str = Query(...), repo: InventoryRepo = Depends(get_repo)):
    return {"n": repo.count_by("category", value), "rows": len(repo.by_category(value))}


@router.get("/label", response_class=HTMLResponse)
def label(title: str = Query(""), tenant: str = Depends(tenant_from_header)):
    return f"<div class='label'><b>{tenant}</b> {title}</div>"  # expect: CWE-79


@router.get("/label/v2")
def label_v2(title: str = Query("")):
    return HTMLResponse(f"<div class='label'>{title}</div>")  # expect: CWE-79


@router.get("/label/plain", response_class=PlainTextResponse)
def label_plain(title: str = Query("")):
    return f"label: {title}"  # safe: CWE-79 plain text response


@router.get("/echo")
def echo(msg: str = ""):
    return {"msg": msg}  # safe: CWE-79 JSON


@router.patch("/{item_id}/note")
def set_note(item_id: int, note: str = Body(..., embed=True), db=Depends(get_session)):
    db.execute(text("UPDATE items SET note = :n WHERE id = :id"), {"n": note, "id": item_id})  # safe: CWE-89 bound parameters
    return {"ok": True}
