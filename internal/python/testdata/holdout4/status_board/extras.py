"""Secondary pages of the status board."""
import json
import logging
import os
import re

import httpx
import uvicorn
import yaml
from jinja2 import Environment, Template, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

log = logging.getLogger("status_board")
env = Environment(autoescape=select_autoescape(default_for_string=True))
FOOTER = Template("<footer>{{ year }} {{ owner }}</footer>", autoescape=True)
STATUS_API = "https://status-api.internal.example"
LANGS = {"en", "fr", "de"}
API_TOKEN = os.environ.get("STATUS_API_TOKEN", "")  # safe: CWE-798 environment

public_middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False, allow_methods=["GET"]),  # safe: CWE-942 no credentials
]


async def footer(request):
    owner = request.query_params.get("owner", "Example Corp")
    return HTMLResponse(FOOTER.render(year=2024, owner=owner))  # safe: CWE-79, CWE-1336 constant autoescaped template


async def headline(request):
    text = request.query_params.get("text", "")
    return HTMLResponse(env.from_string("<h1>{{ t }}</h1>").render(t=text))  # safe: CWE-1336, CWE-79 constant template, autoescape


async def filter_components(request):
    word = request.query_params.get("word", "")
    rx = re.compile(r"\b" + re.escape(word) + r"\b", re.IGNORECASE)  # safe: CWE-730 re.escape
    names = ["api", "web", "worker", "db"]
    return JSONResponse([n for n in names if rx.search(n)])


async def component_history(request):
    component = request.path_params["component"]
    async with httpx.AsyncClient(base_url=STATUS_API, timeout=5, headers={"Authorization": f"Bearer {API_TOKEN}"}) as client:
        r = await client.get(f"/components/{component}/history")  # safe: CWE-918 fixed base URL, path only
    return JSONResponse(r.json())


async def set_lang(request):
    lang = request.query_params.get("lang", "en")
    resp = RedirectResponse("/")
    resp.set_cookie("lang", lang if lang in LANGS else "en", secure=True, httponly=True)  # safe: CWE-20 allow-list
    return resp


async def import_layout(request):
    layout = yaml.safe_load(await request.body())  # safe: CWE-502 safe_load
    log.info("layout imported with %d sections", len(layout or {}))  # safe: CWE-117, CWE-532
    return JSONResponse({"sections": len(layout or {})})


async def import_layout_json(request):
    layout = json.loads(await request.body())  # safe: CWE-502
    return JSONResponse({"sections": len(layout)})


app = Starlette(middleware=public_middleware)

if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("STATUS_HOST", "127.0.0.1"), port=8081)  # safe: CWE-605 configured
