"""Attachment storage for inventory items."""
import os
from pathlib import Path

import aiofiles
from fastapi import APIRouter, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

router = APIRouter(prefix="/files")
STORE = Path("/srv/inventory/files")


@router.get("/raw/{name:path}")
async def download(name: str):
    return FileResponse(STORE / name)  # expect: CWE-22


@router.get("/safe/{name:path}")
async def download_safe(name: str):
    target = (STORE / name).resolve()
    if not target.is_relative_to(STORE):
        raise HTTPException(404)
    return FileResponse(target)  # safe: CWE-22 resolved and checked


@router.post("/upload")
async def upload(file: UploadFile = File(...)):
    dest = STORE / "incoming" / file.filename
    async with aiofiles.open(dest, "wb") as out:  # expect: CWE-22
        await out.write(await file.read())
    return {"stored": file.filename}


@router.post("/upload/v2")
async def upload_v2(file: UploadFile = File(...)):
    dest = STORE / "incoming" / os.path.basename(file.filename or "upload.bin")
    with open(dest, "wb") as out:  # safe: CWE-22 basename
        out.write(await file.read())
    return {"stored": dest.name}


@router.delete("/{name:path}")
def remove(name: str):
    os.remove(os.path.join(STORE, name))  # expect: CWE-22
    return {"removed": True}


@router.get("/manifest")
def manifest():
    return FileResponse(STORE / "manifest.json")  # safe: CWE-22 constant path
