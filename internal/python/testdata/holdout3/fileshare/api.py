"""File sharing API; the gateway sets X-User after authentication."""
import re

from fastapi import FastAPI, Header, HTTPException, UploadFile
from fastapi.responses import Response

from .storage import UserSpace

app = FastAPI(title="fileshare")
USER_RE = re.compile(r"[a-z][a-z0-9_]{2,31}")


def _user(x_user):
    if not USER_RE.fullmatch(x_user or ""):
        raise HTTPException(401)
    return x_user


@app.get("/files")
def get_file(path: str, x_user: str = Header(...)):
    with UserSpace(_user(x_user)) as space:
        return Response(space.read(path), media_type="application/octet-stream")


@app.get("/files/v2")
def get_file_v2(path: str, x_user: str = Header(...)):
    with UserSpace(_user(x_user)) as space:
        try:
            data = space.read_checked(path)
        except PermissionError:
            raise HTTPException(404)
        return Response(data, media_type="application/octet-stream")


@app.post("/files/rename")
def rename(src: str, dst: str, x_user: str = Header(...)):
    with UserSpace(_user(x_user)) as space:
        space.rename(src, dst)
    return {"ok": True}


@app.delete("/files")
def delete(path: str, strict: bool = True, x_user: str = Header(...)):
    with UserSpace(_user(x_user)) as space:
        if strict:
            space.delete_checked(path)
        else:
            space.delete(path)
    return {"ok": True}


@app.post("/files/staging")
async def stage(upload: UploadFile):
    with open("/tmp/fileshare-upload.part", "wb") as fh:  # expect: CWE-377 fixed name in /tmp
        fh.write(await upload.read())
    return {"staged": True}
