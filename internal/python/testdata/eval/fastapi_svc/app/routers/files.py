import os
from pathlib import Path

from fastapi import APIRouter, HTTPException, UploadFile
from fastapi.responses import FileResponse

router = APIRouter(prefix="/files")

FILES_DIR = "/srv/inventory/files"
EXPORT_DIR = Path("/srv/inventory/exports")


@router.get("/get")
def get_file(name: str):
    return FileResponse(os.path.join(FILES_DIR, name))  # expect: CWE-22


@router.get("/get/v2")
def get_file_v2(name: str):
    return FileResponse(os.path.join(FILES_DIR, os.path.basename(name)))  # safe: CWE-22 basename


@router.get("/export")
def export(name: str):
    return {"csv": (EXPORT_DIR / name).read_text()}  # expect: CWE-22


@router.get("/export/v2")
def export_v2(name: str):
    target = (EXPORT_DIR / name).resolve()
    if not target.is_relative_to(EXPORT_DIR):
        raise HTTPException(status_code=404)
    return {"csv": target.read_text()}  # safe: CWE-22 resolved and checked


@router.post("/upload")
async def upload(file: UploadFile):
    data = await file.read()
    with open(os.path.join(FILES_DIR, file.filename), "wb") as out:  # expect: CWE-22
        out.write(data)
    return {"size": len(data)}


@router.get("/daily/{day}")
def daily(day: int):
    return FileResponse(os.path.join(FILES_DIR, f"daily-{day}.csv"))  # safe: CWE-22 int
