"""Admin operations: reindexing and broadcast messages."""
import asyncio
import logging
import shlex
import subprocess as sp

from fastapi import APIRouter, BackgroundTasks, Depends, Form

from ..deps import require_admin_v2

log = logging.getLogger("inventory.admin")
router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin_v2)])
REINDEX = "/opt/search/bin/reindex"


def reindex(index_name: str):
    sp.run(f"{REINDEX} --index {index_name}", shell=True, check=False)  # expect: CWE-78 index_name arrives from the form through BackgroundTasks


def reindex_v2(index_name: str):
    sp.run([REINDEX, "--index", index_name], check=False)  # safe: CWE-78 argument list, fixed program


@router.post("/reindex")
async def trigger_reindex(tasks: BackgroundTasks, index: str = Form(...)):
    tasks.add_task(reindex, index)
    tasks.add_task(reindex_v2, index)
    log.info("reindex queued for %s", index)  # expect: CWE-117
    log.info("reindex queued for %r", index)  # safe: CWE-117 %r formats with repr
    return {"queued": True}


@router.post("/broadcast")
async def broadcast(message: str = Form(...)):
    proc = await asyncio.create_subprocess_shell("echo " + shlex.quote(message) + " | wall")  # safe: CWE-78 quoted for the shell
    await proc.wait()
    return {"sent": True}


@router.post("/broadcast/raw")
async def broadcast_raw(message: str = Form(...)):
    proc = await asyncio.create_subprocess_shell(f"echo {message} | wall")  # expect: CWE-78
    await proc.wait()
    return {"sent": True}


@router.post("/disk")
async def disk(volume: str = Form(...)):
    proc = await asyncio.create_subprocess_exec("df", "-h", volume, stdout=asyncio.subprocess.PIPE)  # safe: CWE-78 exec without a shell, fixed program
    out, _ = await proc.communicate()
    return {"df": out.decode()}


@router.post("/tool")
async def run_tool(tool: str = Form(...), target: str = Form(...)):
    out = sp.check_output([tool, "--check", target], timeout=30)  # expect: CWE-78 the client picks the program
    return {"out": out.decode()}
