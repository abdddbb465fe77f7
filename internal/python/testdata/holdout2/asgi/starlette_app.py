import logging
import os
import subprocess
import traceback

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("status-page")
ASSET_DIR = os.path.realpath("/srv/status/assets")
INCIDENT_STATES = {"investigating", "identified", "monitoring", "resolved"}


async def incident(request: Request):
    state = request.query_params.get("state", "investigating")
    note = request.query_params.get("note", "")
    if state not in INCIDENT_STATES:
        state = "investigating"
    body = f"<h2>Status: {state}</h2><p>{note}</p>"
    return HTMLResponse(body)  # expect: CWE-79 note unescaped


async def asset(request: Request):
    name = request.query_params["name"]
    full = os.path.realpath(os.path.join(ASSET_DIR, name))
    if not full.startswith(ASSET_DIR + os.sep):
        return JSONResponse({"error": "not found"}, status_code=404)
    return FileResponse(full)  # safe: CWE-22 realpath prefix check with separator


async def asset_legacy(request: Request):
    return FileResponse(os.path.join(ASSET_DIR, request.query_params["name"]))  # expect: CWE-22 unchecked join


async def go(request: Request):
    dest = request.query_params.get("dest", "/")
    return RedirectResponse(dest)  # expect: CWE-601 unchecked destination


async def go_internal(request: Request):
    dest = request.query_params.get("dest", "")
    return RedirectResponse("/help/" + dest)  # safe: CWE-601 stays under the constant /help/ path of this host


async def traceroute(request: Request):
    form = await request.form()
    target = form.get("target", "")
    try:
        out = subprocess.check_output(f"traceroute -m 10 {target}", shell=True, timeout=30)  # expect: CWE-78 form value in a shell string
    except subprocess.CalledProcessError as err:
        return JSONResponse({"error": traceback.format_exception(err)}, status_code=500)  # expect: CWE-209 formatted exception returned
    return JSONResponse({"output": out.decode()})


async def traceroute_v2(request: Request):
    form = await request.form()
    target = form.get("target", "")
    out = subprocess.run(["traceroute", "-m", "10", "--", target], capture_output=True, timeout=30)  # safe: CWE-78 argument list, no shell
    return JSONResponse({"output": out.stdout.decode()})


app = Starlette(
    routes=[
        Route("/incident", incident),
        Route("/asset", asset),
        Route("/asset-legacy", asset_legacy),
        Route("/go", go),
        Route("/go-internal", go_internal),
        Route("/traceroute", traceroute, methods=["POST"]),
        Route("/traceroute-v2", traceroute_v2, methods=["POST"]),
    ],
    middleware=[Middleware(CORSMiddleware, allow_origins=["https://status.example.com"], allow_credentials=True)],  # safe: CWE-942 single explicit origin
)
