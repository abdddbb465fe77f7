"""Supplier management: ORM access, signed callbacks, safe outbound calls."""
import hashlib
import hmac
import json
import logging
import os
import secrets
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote, urlparse

import httpx
import requests
from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from markupsafe import escape
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from ..db import get_db
from ..models import Item, Supplier

router = APIRouter(prefix="/suppliers", tags=["suppliers"])
log = logging.getLogger("inventory.suppliers")
CALLBACK_SECRET = os.environ.get("SUPPLIER_CALLBACK_SECRET", "").encode()
DOCS_DIR = Path(os.environ.get("SUPPLIER_DOCS", "/srv/inventory/supplier-docs"))
PORTAL_HOSTS = {"portal.supplier-one.com", "b2b.supplier-two.net"}
SORTABLE = {"name": Supplier.name, "id": Supplier.id}


@router.get("/")
def list_suppliers(sort: str = "name", db: Session = Depends(get_db)):
    col = SORTABLE.get(sort, Supplier.name)
    return db.scalars(select(Supplier).order_by(col)).all()  # safe: CWE-89 ORM column from a map


@router.get("/search")
def search_suppliers(q: str, db: Session = Depends(get_db)):
    return db.scalars(select(Supplier).where(Supplier.name.contains(q))).all()  # safe: CWE-89 ORM


@router.get("/{supplier_id}/items")
def supplier_items(supplier_id: int, warehouse: str | None = None, db: Session = Depends(get_db)):
    stmt = select(Item).where(Item.supplier_id == supplier_id)
    if warehouse:
        stmt = stmt.where(Item.warehouse == warehouse)  # safe: CWE-89 ORM
    return db.scalars(stmt).all()


@router.post("/{supplier_id}/rename")
def rename(supplier_id: int, name: str, db: Session = Depends(get_db)):
    db.execute(update(Supplier).where(Supplier.id == supplier_id).values(name=name))  # safe: CWE-89 ORM update
    db.execute(text("INSERT INTO audit(entity, entity_id, note) VALUES ('supplier', :i, :n)"), {"i": supplier_id, "n": name})  # safe: CWE-89 bound
    db.commit()
    log.info("supplier %d renamed", supplier_id)  # safe: CWE-117 int
    return {"ok": True}


@router.post("/callback")
async def callback(request: Request, x_signature: str = Header(...), db: Session = Depends(get_db)):
    body = await request.body()
    expected = hmac.new(CALLBACK_SECRET, body, hashlib.sha256).hexdigest()  # safe: CWE-328 SHA-256 HMAC
    if not hmac.compare_digest(expected, x_signature):
        raise HTTPException(401, "bad signature")
    event = json.loads(body)  # safe: CWE-502 JSON
    log.info("supplier callback type=%r", event.get("type"))  # safe: CWE-117 %r
    return {"ok": True}


@router.get("/{supplier_id}/portal")
def portal(supplier_id: int, db: Session = Depends(get_db)):
    supplier = db.get(Supplier, supplier_id)
    if supplier is None:
        raise HTTPException(404)
    host = urlparse(supplier.api_base).hostname
    if host not in PORTAL_HOSTS:
        raise HTTPException(400, "portal not configured")
    return RedirectResponse(supplier.api_base)  # safe: CWE-601 stored URL checked against an allow-list


@router.get("/{supplier_id}/ping")
def ping_supplier(supplier_id: int, db: Session = Depends(get_db)):
    supplier = db.get(Supplier, supplier_id)
    r = requests.get(f"https://{next(iter(sorted(PORTAL_HOSTS)))}/status/{supplier_id}", timeout=5)  # safe: CWE-918 constant host
    return {"supplier": supplier.name if supplier else None, "status": r.status_code}


@router.get("/lookup-vat/{vat}")
def lookup_vat(vat: str):
    r = httpx.get("https://vat.registry.example/api/" + quote(vat, safe=""), timeout=5)  # safe: CWE-918 fixed host
    return r.json()


@router.get("/{supplier_id}/doc/{doc_id}")
def doc(supplier_id: int, doc_id: uuid.UUID):
    return FileResponse(DOCS_DIR / str(supplier_id) / f"{doc_id}.pdf")  # safe: CWE-22 int and UUID path parameters


@router.get("/{supplier_id}/welcome", response_class=HTMLResponse)
def welcome(supplier_id: int, contact: str = "", db: Session = Depends(get_db)):
    supplier = db.get(Supplier, supplier_id)
    return HTMLResponse(f"<h1>Welcome {escape(contact)}</h1><p>{escape(supplier.name if supplier else '')}</p>")  # safe: CWE-79 escaped


@router.post("/{supplier_id}/api-key")
def rotate_key(supplier_id: int):
    new_key = secrets.token_urlsafe(32)  # safe: CWE-330 secrets
    digest = hashlib.sha256(new_key.encode()).hexdigest()  # safe: CWE-328 SHA-256
    log.info("rotated key for supplier %d (digest prefix %s)", supplier_id, digest[:8])  # safe: CWE-532 digest prefix only
    resp = JSONResponse({"key": new_key})
    resp.set_cookie("last_rotation", str(supplier_id), secure=True, httponly=True)  # safe: CWE-614, CWE-1004
    return resp


@router.post("/{supplier_id}/docs/convert")
def convert_docs(supplier_id: int):
    folder = DOCS_DIR / str(supplier_id)
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    if pdfs:
        subprocess.run(["pdftotext", "--", *pdfs], cwd=folder, check=True)  # safe: CWE-78, CWE-155 argument vector
    return {"converted": len(pdfs)}
