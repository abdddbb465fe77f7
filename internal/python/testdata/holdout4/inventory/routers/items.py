import logging
import re
import traceback

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import PlainTextResponse
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..db import engine, get_db
from ..deps import CurrentUser, Pagination, current_user
from ..models import Item
from ..repository import ItemRepository
from ..schemas import ItemIn, ItemOut, ReportRequest

router = APIRouter(prefix="/items", tags=["items"])
log = logging.getLogger("inventory.items")
GROUPS = {"warehouse": "warehouse", "supplier": "supplier_id"}


@router.get("/", response_model=list[ItemOut])
def list_items(p: Pagination = Depends(), db: Session = Depends(get_db)):
    return ItemRepository(db).page(p)


@router.get("/by-sku/{sku}", response_model=ItemOut)
def by_sku(sku: str, db: Session = Depends(get_db)):
    item = ItemRepository(db).by_sku(sku)
    if item is None:
        log.info("sku not found: %s", sku.replace("\n", "\\n").replace("\r", "\\r"))  # safe: CWE-117 escaped line breaks
        raise HTTPException(404)
    return item


@router.get("/filter")
def filter_items(column: str, value: str, db: Session = Depends(get_db)):
    try:
        return ItemRepository(db).by_column(column, value)
    except ValueError:
        raise HTTPException(400, "unknown column")


@router.post("/{sku}/move")
def move(sku: str, warehouse: str, db: Session = Depends(get_db), user: CurrentUser = Depends(current_user)):
    ItemRepository(db).move(sku, warehouse)
    log.info("item %s moved to %s by %s", sku, warehouse, user.sub)  # expect: CWE-117
    return {"ok": True}


@router.post("/", response_model=ItemOut)
def create(item: ItemIn, db: Session = Depends(get_db)):
    row = Item(**item.model_dump())
    db.add(row)
    db.commit()
    db.refresh(row)
    return row


@router.get("/report")
def report(group: str = "warehouse"):
    q = "SELECT " + group + ", sum(qty) AS qty FROM items GROUP BY " + group
    return pd.read_sql(q, engine).to_dict(orient="records")  # expect: CWE-89


@router.post("/report-v2")
def report_v2(req: ReportRequest):
    col = GROUPS.get(req.group_by, "warehouse")
    q = f"SELECT {col}, sum(qty) AS qty FROM items WHERE qty >= {int(req.min_qty)} GROUP BY {col}"
    return pd.read_sql(q, engine).to_dict(orient="records")  # safe: CWE-89 constant map and int()


@router.get("/grep")
def grep_names(pattern: str, db: Session = Depends(get_db)):
    rx = re.compile(pattern, re.IGNORECASE)  # expect: CWE-730
    return [i.name for i in db.query(Item).limit(500) if rx.search(i.name)]


@router.get("/find")
def find_names(term: str, db: Session = Depends(get_db)):
    rx = re.compile(re.escape(term), re.IGNORECASE)  # safe: CWE-730 re.escape
    return [i.name for i in db.query(Item).limit(500) if rx.search(i.name)]


@router.get("/prefix")
def prefix_names(prefix: str, db: Session = Depends(get_db)):
    return [i.name for i in db.query(Item).limit(500) if i.name.lower().startswith(prefix.lower())]  # safe: CWE-730 no regex


@router.post("/reindex")
def reindex(db: Session = Depends(get_db)):
    try:
        db.execute(text("REINDEX TABLE items"))
    except Exception:
        return PlainTextResponse(traceback.format_exc(), status_code=500)  # expect: CWE-209
    return {"ok": True}


@router.post("/vacuum")
def vacuum(db: Session = Depends(get_db)):
    try:
        db.connection().exec_driver_sql("VACUUM ANALYZE items")
    except Exception:
        log.exception("vacuum failed")
        return PlainTextResponse("maintenance failed", status_code=500)  # safe: CWE-209 generic message
    return {"ok": True}
