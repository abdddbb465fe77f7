import os
import shutil
import tarfile
import zipfile
from pathlib import Path

from fastapi import APIRouter, Form, HTTPException, UploadFile
from fastapi.responses import FileResponse
from werkzeug.utils import secure_filename

from ..config import settings

router = APIRouter(prefix="/files", tags=["files"])
UPLOAD_DIR = Path(settings.upload_dir)


@router.post("/upload")
async def upload(file: UploadFile):
    name = secure_filename(file.filename or "upload.bin")
    dest = UPLOAD_DIR / name
    with open(dest, "wb") as fh:  # safe: CWE-22 secure_filename
        shutil.copyfileobj(file.file, fh)
    return {"stored": name}


@router.post("/upload-to")
async def upload_to(file: UploadFile, folder: str = Form("misc")):
    dest = UPLOAD_DIR / folder / (file.filename or "upload.bin")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(await file.read())  # expect: CWE-22
    return {"stored": str(dest.relative_to(UPLOAD_DIR))}


@router.get("/download/{name}")
def download(name: str):
    base = UPLOAD_DIR.resolve()
    path = (base / name).resolve()
    if not path.is_relative_to(base):
        raise HTTPException(404)
    return FileResponse(path)  # safe: CWE-22 is_relative_to


@router.get("/download-legacy")
def download_legacy(path: str):
    return FileResponse(os.path.join(settings.upload_dir, path))  # expect: CWE-22


@router.delete("/{name}")
def delete(name: str):
    base = os.path.realpath(settings.upload_dir)
    target = os.path.realpath(os.path.join(base, name))
    if not target.startswith(base + os.sep):
        raise HTTPException(400, "bad name")
    os.remove(target)  # safe: CWE-22 realpath prefix check with separator
    return {"deleted": os.path.basename(target)}


@router.post("/import-bundle")
async def import_bundle(bundle: UploadFile):
    with tarfile.open(fileobj=bundle.file) as tar:
        tar.extractall(UPLOAD_DIR / "bundles")  # expect: CWE-22
    return {"ok": True}


@router.post("/import-bundle-v2")
async def import_bundle_v2(bundle: UploadFile):
    with tarfile.open(fileobj=bundle.file) as tar:
        tar.extractall(UPLOAD_DIR / "bundles", filter="data")  # safe: CWE-22 data filter
    return {"ok": True}


@router.post("/import-zip")
async def import_zip(archive: UploadFile):
    with zipfile.ZipFile(archive.file) as zf:
        zf.extractall(UPLOAD_DIR / "zips")  # safe: CWE-22 zipfile sanitises member names
    return {"ok": True}


@router.post("/import-zip-manual")
async def import_zip_manual(archive: UploadFile):
    target = UPLOAD_DIR / "zips"
    with zipfile.ZipFile(archive.file) as zf:
        for member in zf.namelist():
            if member.endswith("/"):
                continue
            with zf.open(member) as src, open(os.path.join(target, member), "wb") as out:  # expect: CWE-22 zip slip
                shutil.copyfileobj(src, out)
    return {"ok": True}


@router.post("/import-zip-flat")
async def import_zip_flat(archive: UploadFile):
    target = UPLOAD_DIR / "zips"
    with zipfile.ZipFile(archive.file) as zf:
        for member in zf.namelist():
            if member.endswith("/"):
                continue
            with zf.open(member) as src, open(os.path.join(target, os.path.basename(member)), "wb") as out:  # safe: CWE-22 basename
                shutil.copyfileobj(src, out)
    return {"ok": True}
