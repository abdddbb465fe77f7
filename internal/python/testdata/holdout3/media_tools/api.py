"""Media conversion API."""
import os
import tempfile
from typing import List

from fastapi import Body, FastAPI, Form, HTTPException, UploadFile

from .convert import TOOLS, probe, run_tool, run_tool_v2, thumbnail, transcode_interactive, transcode_interactive_v2, watermark

app = FastAPI(title="media-tools")
MEDIA_ROOT = "/srv/media/in"


async def _save(upload):
    fd, path = tempfile.mkstemp(dir=MEDIA_ROOT, suffix=".bin")
    with os.fdopen(fd, "wb") as fh:
        fh.write(await upload.read())
    return path


@app.post("/thumb")
async def thumb(file: UploadFile, size: str = Form("s"), fmt: str = Form("png")):
    src = await _save(file)
    return {"rc": await thumbnail(src, size, fmt)}


@app.post("/watermark")
async def add_watermark(file: UploadFile, text: str = Form(...)):
    src = await _save(file)
    return {"rc": await watermark(src, text)}


@app.post("/probe")
async def probe_file(file: UploadFile):
    return {"info": await probe(await _save(file))}


@app.post("/transcode/{media_id}")
def transcode(media_id: int, preset: str = Form("fast"), legacy: bool = False):
    src = os.path.join(MEDIA_ROOT, f"{media_id}.bin")
    if legacy:
        transcode_interactive(src, preset)
    else:
        transcode_interactive_v2(src, preset)
    return {"ok": True}


@app.post("/tools/{tool}")
def tool(tool: str, args: List[str] = Body([])):
    if tool in TOOLS:
        return {"out": run_tool_v2(tool, args)}
    return {"out": run_tool(tool, args)}


@app.post("/tools/v2/{tool}")
def tool_v2(tool: str, args: List[str] = Body([])):
    if tool not in TOOLS:
        raise HTTPException(404)
    return {"out": run_tool_v2(tool, args)}
