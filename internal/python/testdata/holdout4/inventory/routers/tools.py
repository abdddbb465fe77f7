"""Operator tools exposed to the internal support console."""
import asyncio
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import httpx
import requests
from fastapi import APIRouter, Body, Depends, HTTPException, Query

from ..deps import require_admin

router = APIRouter(prefix="/tools", tags=["tools"], dependencies=[Depends(require_admin)])
log = logging.getLogger("inventory.tools")
SCRATCH = Path(os.environ.get("INVENTORY_SCRATCH", "/srv/inventory/scratch"))
TOOLS = {"zbar": "/usr/bin/zbarimg", "exif": "/usr/bin/exiftool"}
PROBE_HOSTS = {"db-primary.internal", "db-replica.internal", "cache.internal"}
OPERATIONS = {"sum": sum, "max": max, "min": min}
LOCAL_DB = "/srv/inventory/local.sqlite3"


@router.post("/run-snippet")
def run_snippet(code: str = Body(..., embed=True)):
    scope = {}
    exec(code, {"__builtins__": {}}, scope)  # expect: CWE-94
    return {"vars": sorted(scope)}


@router.post("/check-syntax")
def check_syntax(code: str = Body(..., embed=True)):
    try:
        compile(code, "<snippet>", "exec")  # expect: CWE-94
    except SyntaxError as err:
        return {"ok": False, "line": err.lineno}
    return {"ok": True}


@router.post("/aggregate")
def aggregate(op: str = Body(...), values: list[float] = Body(...)):
    fn = OPERATIONS.get(op)
    if fn is None:
        raise HTTPException(400, "unknown operation")
    return {"result": fn(values)}  # safe: CWE-94 dispatch table instead of eval


@router.get("/tool-version")
def tool_version(tool: str):
    out = subprocess.run([tool, "--version"], capture_output=True, text=True, timeout=10)  # expect: CWE-78 program chosen by the client
    return {"version": out.stdout.strip()}


@router.get("/tool-version-v2")
def tool_version_v2(tool: str):
    exe = TOOLS.get(tool)
    if exe is None:
        raise HTTPException(404)
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10)  # safe: CWE-78 constant map
    return {"version": out.stdout.strip()}


@router.get("/ping")
async def ping(host: str):
    proc = await asyncio.create_subprocess_shell(f"ping -c 1 -W 2 {host}", stdout=asyncio.subprocess.PIPE)  # expect: CWE-78
    out, _ = await proc.communicate()
    return {"ok": proc.returncode == 0, "out": out.decode()[-200:]}


@router.get("/ping-v2")
async def ping_v2(host: str):
    proc = await asyncio.create_subprocess_exec("ping", "-c", "1", "-W", "2", "--", host, stdout=asyncio.subprocess.PIPE)  # safe: CWE-78 exec, no shell
    out, _ = await proc.communicate()
    return {"ok": proc.returncode == 0}


@router.get("/scratch")
def read_scratch(name: str):
    return {"text": (SCRATCH / name).read_text()}  # expect: CWE-22


@router.get("/scratch-v2")
def read_scratch_v2(name: str):
    return {"text": (SCRATCH / Path(name).name).read_text()}  # safe: CWE-22 final component only


@router.delete("/scratch/{folder}")
def clear_scratch(folder: str):
    shutil.rmtree(os.path.join(SCRATCH, folder))  # expect: CWE-22
    return {"ok": True}


@router.delete("/scratch-v2/{folder}")
def clear_scratch_v2(folder: str):
    if not re.fullmatch(r"[a-z0-9_-]{1,40}", folder):
        raise HTTPException(400, "bad folder")
    shutil.rmtree(os.path.join(SCRATCH, folder))  # safe: CWE-22 strict fullmatch
    return {"ok": True}


@router.get("/grep-log")
def grep_log(pattern: str = Query(..., max_length=200)):
    with open("/var/log/inventory/app.log") as fh:
        return [line for line in fh if re.search(pattern, line)][:100]  # expect: CWE-730


@router.get("/grep-log-v2")
def grep_log_v2(needle: str = Query(..., max_length=200)):
    with open("/var/log/inventory/app.log") as fh:
        return [line for line in fh if re.search(re.escape(needle), line)][:100]  # safe: CWE-730 re.escape


@router.get("/probe")
def probe(host: str, port: int = 8080):
    r = requests.get(f"http://{host}:{port}/health", timeout=3)  # expect: CWE-918
    return {"status": r.status_code}


@router.get("/probe-v2")
def probe_v2(host: str, port: int = 8080):
    if host not in PROBE_HOSTS:
        raise HTTPException(400, "unknown host")
    r = requests.get(f"http://{host}:{port}/health", timeout=3)  # safe: CWE-918 host allow-list
    return {"status": r.status_code}


@router.get("/mirror")
def mirror(url: str):
    with httpx.Client(timeout=10) as client:
        return {"size": len(client.get(url).content)}  # expect: CWE-918


@router.post("/local-sql")
def local_sql(script: str = Body(..., embed=True)):
    conn = sqlite3.connect(LOCAL_DB)
    try:
        conn.executescript(script)  # expect: CWE-89
    finally:
        conn.close()
    return {"ok": True}


@router.get("/local-lookup")
def local_lookup(sku: str):
    conn = sqlite3.connect(LOCAL_DB)
    try:
        row = conn.execute("SELECT name, qty FROM items WHERE sku = ?", (sku,)).fetchone()  # safe: CWE-89 placeholder
    finally:
        conn.close()
    log.info("local lookup for %r", sku)  # safe: CWE-117 %r
    return {"row": row}
