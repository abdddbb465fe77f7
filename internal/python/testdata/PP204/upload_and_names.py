"""Uploaded streams are not paths; Path(x).name is one component."""
import zipfile
from pathlib import Path

from fastapi import FastAPI, UploadFile

api = FastAPI()
SCRATCH = Path("/srv/scratch")


@api.post("/zip")
async def import_zip(archive: UploadFile):
    with zipfile.ZipFile(archive.file) as zf:  # safe: the upload's stream, not a path
        return zf.namelist()


@api.post("/scratch")
async def scratch(name: str):
    (SCRATCH / Path(name).name).write_text("x")  # safe: the last component only
    (SCRATCH / name).write_text("x")  # want: PP204
    return {"ok": True}
