import asyncio
import json
import logging
import shlex
import ssl

import aiohttp
from aiohttp import web

log = logging.getLogger("gateway")
routes = web.RouteTableDef()

UPSTREAMS = {
    "billing": "https://billing.internal.example.com",
    "inventory": "https://inventory.internal.example.com",
}


@routes.get("/proxy/{service}/{tail:.*}")
async def proxy(request: web.Request):
    base = UPSTREAMS.get(request.match_info["service"])
    if base is None:
        raise web.HTTPNotFound()
    async with aiohttp.ClientSession() as client:
        async with client.get(f"{base}/{request.match_info['tail']}", timeout=aiohttp.ClientTimeout(total=10)) as resp:  # safe: CWE-918 host chosen from UPSTREAMS
            return web.Response(body=await resp.read(), status=resp.status)


@routes.get("/fetch")
async def fetch(request: web.Request):
    target = request.query["url"]
    async with aiohttp.ClientSession() as client:
        async with client.get(target, timeout=aiohttp.ClientTimeout(total=10)) as resp:  # expect: CWE-918 any URL
            return web.json_response({"status": resp.status})


@routes.get("/legacy-status")
async def legacy_status(request: web.Request):
    async with aiohttp.ClientSession() as client:
        async with client.get("https://legacy.internal.example.com/status", ssl=False) as resp:  # expect: CWE-295 certificate not checked
            return web.json_response({"status": resp.status})


@routes.get("/partner-status")
async def partner_status(request: web.Request):
    ctx = ssl.create_default_context(cafile="/etc/gateway/partner-ca.pem")
    async with aiohttp.ClientSession() as client:
        async with client.get("https://partner.example.net/status", ssl=ctx) as resp:  # safe: CWE-295 verified against a private CA
            return web.json_response({"status": resp.status})


@routes.post("/jobs/compress")
async def compress(request: web.Request):
    data = await request.json()
    src = data["path"]
    proc = await asyncio.create_subprocess_shell(f"gzip -k {src}")  # expect: CWE-78 JSON value in a shell command
    await proc.wait()
    return web.json_response({"rc": proc.returncode})


@routes.post("/jobs/compress-v2")
async def compress_v2(request: web.Request):
    data = await request.json()
    proc = await asyncio.create_subprocess_shell("gzip -k " + shlex.quote(data["path"]))  # safe: CWE-78 shlex.quote
    await proc.wait()
    return web.json_response({"rc": proc.returncode})


@routes.post("/jobs/compress-v3")
async def compress_v3(request: web.Request):
    data = await request.json()
    proc = await asyncio.create_subprocess_exec("gzip", "-k", "--", data["path"])  # safe: CWE-78 exec with an argument vector
    await proc.wait()
    return web.json_response({"rc": proc.returncode})


@routes.get("/hello")
async def hello(request: web.Request):
    name = request.query.get("name", "there")
    return web.Response(text=f"<b>Hi {name}</b>", content_type="text/html")  # expect: CWE-79 HTML response with the query value


@routes.get("/whoami")
async def whoami(request: web.Request):
    resp = web.json_response({"ip": request.remote})
    resp.headers["X-Client-Hint"] = request.query.get("hint", "")  # expect: CWE-113 query text copied into a header
    return resp


def main():
    app = web.Application()
    app.add_routes(routes)
    web.run_app(app, host="127.0.0.1", port=8081)  # safe: CWE-605 loopback


if __name__ == "__main__":
    main()
