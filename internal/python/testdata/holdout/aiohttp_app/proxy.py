"""Fetch proxy used by the directory's link previews."""
from urllib.parse import quote

import aiohttp
from aiohttp import web


async def fetch(request: web.Request):
    target = request.query["url"]
    async with aiohttp.ClientSession() as session:
        async with session.get(target) as resp:  # expect: CWE-918
            body = await resp.read()
    return web.Response(body=body, content_type="application/octet-stream")


async def fetch_pinned(request: web.Request):
    path = request.query.get("path", "")
    async with aiohttp.ClientSession(base_url="https://assets.example.com") as session:
        async with session.get("/static/" + quote(path)) as resp:  # safe: CWE-918 base_url fixes the host
            body = await resp.read()
    return web.Response(body=body, content_type="application/octet-stream")


async def status_probe(request: web.Request):
    async with aiohttp.ClientSession() as session:
        async with session.get("https://status.example.com/api", ssl=False) as resp:  # expect: CWE-295
            return web.json_response(await resp.json())


async def status_probe_v2(request: web.Request):
    async with aiohttp.ClientSession() as session:
        async with session.get("https://status.example.com/api") as resp:  # safe: CWE-295 default verification
            return web.json_response(await resp.json())


def make_app():
    app = web.Application()
    app.add_routes([web.get("/fetch", fetch), web.get("/fetch/pinned", fetch_pinned), web.get("/status", status_probe), web.get("/status/v2", status_probe_v2)])
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="0.0.0.0", port=8088)  # expect: CWE-605
