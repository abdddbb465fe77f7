import html
import logging
import os
import uuid

from aiohttp import web

routes = web.RouteTableDef()
log = logging.getLogger("edge")
AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/avatars")
SAFE_TARGETS = {"/", "/dashboard", "/settings"}


@routes.get("/avatar/{user}")
async def avatar(request):
    user = request.match_info["user"]
    path = os.path.join(AVATAR_DIR, user + ".png")
    return web.FileResponse(path)  # expect: CWE-22


@routes.get("/avatar-by-id/{user_id}")
async def avatar_by_id(request):
    uid = uuid.UUID(request.match_info["user_id"])
    return web.FileResponse(os.path.join(AVATAR_DIR, f"{uid}.png"))  # safe: CWE-22 uuid.UUID


@routes.get("/greet")
async def greet(request):
    name = request.query.get("name", "")
    return web.Response(text=f"<h1>Hi {name}</h1>", content_type="text/html")  # expect: CWE-79


@routes.get("/greet-v2")
async def greet_v2(request):
    name = html.escape(request.query.get("name", ""))
    return web.Response(text=f"<h1>Hi {name}</h1>", content_type="text/html")  # safe: CWE-79 html.escape


@routes.get("/greet.json")
async def greet_json(request):
    return web.json_response({"greeting": "Hi " + request.query.get("name", "")})  # safe: CWE-79 JSON


@routes.get("/go")
async def go(request):
    raise web.HTTPFound(request.query.get("to", "/"))  # expect: CWE-601


@routes.get("/go-v2")
async def go_v2(request):
    to = request.query.get("to", "/")
    raise web.HTTPFound(to if to in SAFE_TARGETS else "/")  # safe: CWE-601 allow-list


@routes.post("/ingest")
async def ingest(request):
    data = await request.post()
    log.info("ingest from agent %s", request.headers.get("User-Agent", "-"))  # expect: CWE-117
    log.info("ingest batch size=%d", len(data))  # safe: CWE-117 integer
    return web.json_response({"ok": True})
