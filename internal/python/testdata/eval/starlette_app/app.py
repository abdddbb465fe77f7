"""Starlette status dashboard."""
import secrets
import sqlite3
import subprocess

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.routing import Route

DB = sqlite3.connect("/var/lib/status/status.db", check_same_thread=False)


async def home(request):
    name = request.query_params.get("name", "")
    return HTMLResponse(f"<h1>Status for {name}</h1>")  # expect: CWE-79


async def home_text(request):
    name = request.query_params.get("name", "")
    return PlainTextResponse(f"Status for {name}")  # safe: CWE-79 text/plain


async def service(request):
    sid = request.path_params["sid"]
    rows = DB.execute(f"SELECT ts, state FROM checks WHERE service = '{sid}'").fetchall()  # expect: CWE-89
    return JSONResponse({"checks": rows})


async def service_v2(request):
    sid = request.path_params["sid"]
    rows = DB.execute("SELECT ts, state FROM checks WHERE service = ?", (sid,)).fetchall()  # safe: CWE-89
    return JSONResponse({"checks": rows})


async def go(request):
    return RedirectResponse(request.query_params["next"])  # expect: CWE-601


async def restart(request):
    form = await request.form()
    subprocess.run("systemctl restart " + form["unit"], shell=True)  # expect: CWE-78
    return JSONResponse({"ok": True})


async def cookie(request):
    resp = JSONResponse({"ok": True})
    resp.set_cookie("dash_session", secrets.token_urlsafe(32), httponly=True)  # expect: CWE-614
    return resp


routes = [Route("/", home), Route("/txt", home_text), Route("/s/{sid}", service), Route("/s2/{sid}", service_v2),
          Route("/go", go), Route("/restart", restart, methods=["POST"]), Route("/cookie", cookie)]
middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)]  # expect: CWE-942
app = Starlette(debug=True, routes=routes, middleware=middleware)  # expect: CWE-489
