"""HTTP front of the ingestion pipeline."""
import itertools
import os
import shutil
import tarfile
import tempfile

import yaml
from fastapi import BackgroundTasks, FastAPI, File, Request, UploadFile

from .archive import unpack_zip, unpack_zip_v2, unpack_zip_v3
from .fetch import fetch_text, fetch_text_checked, stream_source
from .models import JobSpec
from .runner import run_job
from .serde import restore_checkpoint, restore_state, restore_state_v2
from .stages import apply_filter, read_rows

app = FastAPI(title="ingest")


def _spool(upload, suffix):
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as tmp:
        shutil.copyfileobj(upload.file, tmp)
    return tmp.name


@app.post("/jobs")
def submit(spec: JobSpec, background: BackgroundTasks):
    background.add_task(run_job, spec)
    return {"queued": True}


@app.post("/preview")
def preview(spec: JobSpec):
    text = fetch_text(spec.source_url)
    rows = apply_filter(read_rows(text.splitlines()), spec.filter_expr)
    return {"rows": list(itertools.islice(rows, 20))}


@app.post("/preview/v2")
def preview_v2(spec: JobSpec):
    text = fetch_text_checked(spec.source_url)
    return {"rows": list(itertools.islice(read_rows(text.splitlines()), 20))}


@app.get("/stream-count")
async def stream_count(source: str):
    n = 0
    async for _line in stream_source(source):
        n += 1
    return {"lines": n}


@app.post("/bundles")
async def upload_bundle(bundle: UploadFile = File(...)):
    archive = _spool(bundle, ".tar.gz")
    dest = tempfile.mkdtemp(prefix="bundle-")
    with tarfile.open(archive) as tar:
        tar.extractall(dest)  # expect: CWE-22 uploaded tar extracted without a filter
    return {"dir": os.path.basename(dest)}


@app.post("/bundles/v2")
async def upload_bundle_v2(bundle: UploadFile = File(...)):
    archive = _spool(bundle, ".tar.gz")
    dest = tempfile.mkdtemp(prefix="bundle-")
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")  # safe: CWE-22 data filter
    return {"dir": os.path.basename(dest)}


@app.post("/bundles/v3")
async def upload_bundle_v3(bundle: UploadFile = File(...)):
    archive = _spool(bundle, ".tar.gz")
    dest = tempfile.mkdtemp(prefix="bundle-")
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if m.isfile() and not m.name.startswith("/") and ".." not in m.name.split("/")]
        tar.extractall(dest, members=members)  # safe: CWE-22 checked member list
    return {"dir": os.path.basename(dest)}


@app.post("/zips")
async def upload_zip(bundle: UploadFile = File(...), mode: str = "fast"):
    archive = _spool(bundle, ".zip")
    dest = tempfile.mkdtemp(prefix="zip-")
    if mode == "fast":
        unpack_zip(archive, dest)
    elif mode == "std":
        unpack_zip_v2(archive, dest)
    else:
        unpack_zip_v3(archive, dest)
    return {"dir": os.path.basename(dest)}


@app.post("/config")
async def load_config(request: Request):
    raw = await request.body()
    cfg = yaml.load(raw, Loader=yaml.Loader)  # expect: CWE-502 full loader on the request body
    return {"keys": sorted(cfg)}


@app.post("/config/v2")
async def load_config_v2(request: Request):
    raw = await request.body()
    cfg = yaml.safe_load(raw)  # safe: CWE-502 safe_load
    return {"keys": sorted(cfg)}


@app.post("/config/v3")
async def load_config_v3(request: Request):
    raw = await request.body()
    cfg = yaml.load(raw, Loader=yaml.SafeLoader)  # safe: CWE-502 SafeLoader
    return {"keys": sorted(cfg)}


@app.post("/checkpoints")
async def post_checkpoint(request: Request, fmt: str = "marshal"):
    body = await request.body()
    if fmt == "marshal":
        state = restore_checkpoint(body)
    elif fmt == "jsonpickle":
        state = restore_state(body.decode())
    else:
        state = restore_state_v2(body.decode())
    return {"restored": len(state)}
