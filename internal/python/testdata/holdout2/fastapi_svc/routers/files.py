import os
import shutil
import uuid
from pathlib import Path as FsPath

from fastapi import APIRouter, Depends, File, HTTPException, Query, UploadFile
from fastapi.responses import FileResponse

from ..core.config import Settings, get_settings
from ..core.security import current_claims

router = APIRouter(prefix="/files", tags=["files"])


@router.get("/raw")
async def raw(name: str = Query(...), settings: Settings = Depends(get_settings), claims: dict = Depends(current_claims)):
    return FileResponse(os.path.join(settings.storage_root, claims["sub"], name))  # expect: CWE-22 name may be ..


@router.get("/safe")
async def safe(name: str = Query(...), settings: Settings = Depends(get_settings), claims: dict = Depends(current_claims)):
    base = FsPath(settings.storage_root, claims["sub"]).resolve()
    target = (base / name).resolve()
    if not target.is_relative_to(base):
        raise HTTPException(404)
    return FileResponse(target)  # safe: CWE-22 resolved and checked with is_relative_to


@router.post("/upload")
async def upload(file: UploadFile = File(...), settings: Settings = Depends(get_settings), claims: dict = Depends(current_claims)):
    suffix = FsPath(file.filename or "").suffix.lower()
    if suffix not in {".csv", ".xlsx", ".pdf"}:
        raise HTTPException(415)
    stored = f"{uuid.uuid4().hex}{suffix}"
    with open(os.path.join(settings.storage_root, claims["sub"], stored), "wb") as out:  # safe: CWE-22 server-generated name, allow-listed suffix
        shutil.copyfileobj(file.file, out)
    return {"stored": stored}


@router.post("/upload-legacy")
async def upload_legacy(file: UploadFile = File(...), settings: Settings = Depends(get_settings), claims: dict = Depends(current_claims)):
    dest = FsPath(settings.storage_root) / "legacy" / file.filename
    with dest.open("wb") as out:  # expect: CWE-22 client file name used as the path
        shutil.copyfileobj(file.file, out)
    return {"stored": dest.name}


@router.post("/move")
async def move(src: str, dst: str, settings: Settings = Depends(get_settings), claims: dict = Depends(current_claims)):
    root = os.path.join(settings.storage_root, claims["sub"])
    shutil.move(os.path.join(root, src), os.path.join(root, os.path.basename(dst)))  # expect: CWE-22 src is unchecked (only dst is reduced to a basename)
    return {"ok": True}
