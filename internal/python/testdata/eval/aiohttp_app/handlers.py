"""aiohttp handlers of the thumbnail service."""
import asyncio
import os

import aiohttp
from aiohttp import web

STATIC_DIR = "/srv/thumbs/static"


async def greet(request):
    name = request.query.get("name", "")
    return web.Response(text=f"<h1>Hi {name}</h1>", content_type="text/html")  # expect: CWE-79


async def greet_plain(request):
    name = request.query.get("name", "")
    return web.Response(text=f"Hi {name}")  # safe: CWE-79 text/plain default


async def fetch(request):
    url = request.query["url"]
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:  # expect: CWE-918
            body = await resp.read()
    return web.json_response({"size": len(body)})


async def convert(request):
    data = await request.post()
    proc = await asyncio.create_subprocess_shell(f"convert {data['src']} -resize 200x200 out.png")  # expect: CWE-78
    await proc.wait()
    return web.json_response({"rc": proc.returncode})


async def convert_safe(request):
    data = await request.post()
    proc = await asyncio.create_subprocess_exec("convert", data["src"], "-resize", "200x200", "out.png")  # safe: CWE-78 exec, no shell
    await proc.wait()
    return web.json_response({"rc": proc.returncode})


async def static_file(request):
    name = request.query["name"]
    return web.FileResponse(os.path.join(STATIC_DIR, name))  # expect: CWE-22


async def static_file_safe(request):
    name = os.path.basename(request.query["name"])
    return web.FileResponse(os.path.join(STATIC_DIR, name))  # safe: CWE-22 basename


def make_app():
    app = web.Application()
    app.router.add_get("/greet", greet)
    app.router.add_get("/greet.txt", greet_plain)
    app.router.add_get("/fetch", fetch)
    app.router.add_post("/convert", convert)
    app.router.add_post("/convert/v2", convert_safe)
    app.router.add_get("/static", static_file)
    app.router.add_get("/static/v2", static_file_safe)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="0.0.0.0", port=8081)  # expect: CWE-605
