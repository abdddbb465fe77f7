"""Warehouse stock API."""
from typing import List

from fastapi import Body, Depends, FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .db import get_session
from .deps import StockFilter
from .inventory import InventoryRepo

app = FastAPI(title="warehouse")


@app.exception_handler(SQLAlchemyError)
async def db_error(request, exc):
    return JSONResponse({"error": "database error", "detail": str(exc)}, status_code=500)  # expect: CWE-209 exception text in the response


@app.get("/stock")
def stock(flt: StockFilter = Depends(), s: Session = Depends(get_session)):
    return [dict(r._mapping) for r in InventoryRepo(s).list_stock(flt)]


@app.get("/stock/v2")
def stock_v2(flt: StockFilter = Depends(), s: Session = Depends(get_session)):
    return [dict(r._mapping) for r in InventoryRepo(s).list_stock_v2(flt)]


@app.get("/sites/{site}/skus")
def site_skus(site: str, s: Session = Depends(get_session)):
    return InventoryRepo(s).by_site(site)


@app.get("/stock/sorted")
def sorted_stock(key: str = "sku", direction: str = "asc", s: Session = Depends(get_session)):
    return [dict(r._mapping) for r in InventoryRepo(s).sorted(key, direction)]


@app.post("/stock/lookup")
def lookup(skus: List[str] = Body(...), legacy: bool = False, s: Session = Depends(get_session)):
    repo = InventoryRepo(s)
    rows = repo.bulk_lookup_legacy(skus) if legacy else repo.bulk_lookup(skus)
    return [dict(r._mapping) for r in rows]


@app.get("/stock/export/{site}")
def export(site: str, v: int = 1, s: Session = Depends(get_session)):
    repo = InventoryRepo(s)
    frame = repo.export_frame_v2(site) if v == 2 else repo.export_frame(site)
    return frame.to_dict("records")


@app.get("/stock/failover")
def failover(site: str, s: Session = Depends(get_session)):
    primary, fallback = site, "main"
    primary, fallback = fallback, primary
    n_primary = s.execute(text(f"SELECT count(*) FROM stock WHERE site = '{primary}'")).scalar()  # safe: CWE-89 after the swap primary holds the constant
    n_fallback = s.execute(text(f"SELECT count(*) FROM stock WHERE site = '{fallback}'")).scalar()  # expect: CWE-89 after the swap fallback holds the query value
    return {"primary": n_primary, "fallback": n_fallback}


@app.get("/stock/health")
def health(s: Session = Depends(get_session)):
    try:
        s.execute(text("SELECT 1"))  # safe: CWE-89 constant
    except SQLAlchemyError:
        return JSONResponse({"ok": False, "error": "database unavailable"}, status_code=503)  # safe: CWE-209 generic message
    return {"ok": True}
