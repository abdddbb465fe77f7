"""Dependencies shared by the routers."""
import sqlite3
from dataclasses import dataclass

from fastapi import Depends, Header, HTTPException, Query
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from .security import current_user

engine = create_engine("sqlite:////srv/inventory/inventory.db")
SessionLocal = sessionmaker(bind=engine)


@dataclass
class Paging:
    limit: int
    offset: int
    order: str


def paging(limit: int = Query(50, le=500), offset: int = Query(0, ge=0), order: str = Query("name")) -> Paging:
    return Paging(limit=limit, offset=offset, order=order)


async def tenant_from_header(x_tenant: str = Header(...)) -> str:
    return x_tenant


def get_session():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_conn():
    conn = sqlite3.connect("/srv/inventory/inventory.db")
    try:
        yield conn
    finally:
        conn.close()


def require_admin(user=Depends(current_user)):
    assert user.is_admin, "admin only"  # expect: CWE-617
    return user


def require_admin_v2(user=Depends(current_user)):
    if not user.is_admin:  # safe: CWE-617 an explicit check
        raise HTTPException(status_code=403, detail="admin only")
    return user
