"""Documentation site (aiohttp)."""
import html
from pathlib import Path
from urllib.parse import quote

import aiohttp
from aiohttp import web

DOCS_ROOT = Path("/srv/docs/html").resolve()
OUTBOUND = {"github": "https://github.com/example/product", "status": "https://status.example.com/"}


async def page(request):
    name = request.match_info["name"]
    return web.FileResponse(DOCS_ROOT / name)  # expect: CWE-22 path segment joined under the docs root


async def page_v2(request):
    target = (DOCS_ROOT / request.match_info["name"]).resolve()
    if not target.is_relative_to(DOCS_ROOT):
        raise web.HTTPNotFound()
    return web.FileResponse(target)  # safe: CWE-22 resolved and is_relative_to


async def search(request):
    q = request.query.get("q", "")
    return web.Response(text=f"<h1>Results for {q}</h1>", content_type="text/html")  # expect: CWE-79


async def search_v2(request):
    q = request.query.get("q", "")
    return web.Response(text=f"<h1>Results for {html.escape(q)}</h1>", content_type="text/html")  # safe: CWE-79 escaped


async def search_json(request):
    return web.json_response({"q": request.query.get("q", "")})  # safe: CWE-79 JSON


async def out(request):
    raise web.HTTPFound(request.query["url"])  # expect: CWE-601


async def out_v2(request):
    raise web.HTTPFound(OUTBOUND.get(request.query.get("to", ""), "/"))  # safe: CWE-601 constant map


async def badge(request):
    ver = request.query.get("v", "latest")
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://img.shields.io/badge/docs-{quote(ver, safe='')}-blue.svg") as r:  # safe: CWE-918 fixed host, quoted segment
            body = await r.read()
    return web.Response(body=body, content_type="image/svg+xml")


async def mirror(request):
    src = request.query["src"]
    async with aiohttp.ClientSession() as session:
        async with session.get(src) as r:  # expect: CWE-918
            body = await r.read()
    return web.Response(body=body, content_type="application/octet-stream")


def make_app():
    app = web.Application()
    app.router.add_get("/docs/{name:.+}", page)
    app.router.add_get("/v2/docs/{name:.+}", page_v2)
    app.router.add_get("/search", search)
    app.router.add_get("/v2/search", search_v2)
    app.router.add_get("/search.json", search_json)
    app.router.add_get("/out", out)
    app.router.add_get("/v2/out", out_v2)
    app.router.add_get("/badge", badge)
    app.router.add_get("/mirror", mirror)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)  # safe: CWE-605 loopback
