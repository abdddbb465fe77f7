"""aiohttp handlers for the user directory."""
import logging

from aiohttp import web

log = logging.getLogger("directory")
routes = web.RouteTableDef()


@routes.get("/users/{name}")
async def user_page(request: web.Request):
    name = request.match_info["name"]
    row = await request.app["pg"].fetchrow(f"SELECT id, bio FROM users WHERE name = '{name}'")  # expect: CWE-89
    return web.json_response(dict(row) if row else {})


@routes.get("/users/v2/{name}")
async def user_page_v2(request: web.Request):
    row = await request.app["pg"].fetchrow("SELECT id, bio FROM users WHERE name = $1", request.match_info["name"])  # safe: CWE-89 bound argument
    return web.json_response(dict(row) if row else {})


@routes.get("/hello")
async def hello(request: web.Request):
    who = request.query.get("who", "stranger")
    return web.Response(text=f"<p>hi {who}</p>", content_type="text/html")  # expect: CWE-79


@routes.get("/hello/plain")
async def hello_plain(request: web.Request):
    who = request.query.get("who", "stranger")
    return web.Response(text=f"hi {who}")  # safe: CWE-79 text/plain by default


@routes.post("/notes")
async def add_note(request: web.Request):
    data = await request.post()
    title = data.get("title", "")
    log.info("note created: %s", title)  # expect: CWE-117
    log.info("note created: %s", title.replace("\r", "").replace("\n", ""))  # safe: CWE-117 CR and LF removed
    return web.json_response({"title": title})


@routes.get("/go")
async def go(request: web.Request):
    raise web.HTTPFound(request.query["to"])  # expect: CWE-601


@routes.get("/go/section")
async def go_section(request: web.Request):
    section = request.query.get("section", "home")
    raise web.HTTPFound(f"/sections/{section}")  # safe: CWE-601 fixed path prefix


@routes.post("/prefs")
async def prefs(request: web.Request):
    body = await request.json()
    resp = web.json_response({"ok": True})
    resp.set_cookie("dir_layout", "compact" if body.get("compact") else "full", secure=True, httponly=True)  # safe: CWE-614, CWE-1004 both flags set
    resp.headers["X-Dir-View"] = body.get("view", "list")  # expect: CWE-113
    return resp
