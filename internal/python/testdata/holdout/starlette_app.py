"""Small Starlette service behind the help centre."""
import html
import re
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

import os

ARTICLES = {"welcome": "Welcome to the help centre.", "billing": "How invoices work."}


async def hello(request):
    name = request.query_params.get("name", "world")
    return HTMLResponse(f"<h1>Hello {name}</h1>")  # expect: CWE-79


async def hello_v2(request):
    name = html.escape(request.query_params.get("name", "world"))
    return HTMLResponse(f"<h1>Hello {name}</h1>")  # safe: CWE-79 escaped


async def go(request):
    return RedirectResponse(request.query_params["url"])  # expect: CWE-601


async def go_v2(request):
    dest = request.query_params.get("url", "/")
    parsed = urlparse(dest)
    if parsed.scheme != "https" or parsed.netloc != "docs.example.com":
        dest = "/"
    return RedirectResponse(dest)  # safe: CWE-601 scheme and netloc checked


async def bump(request):
    item_id = request.path_params["item_id"]
    await request.app.state.db.execute(f"UPDATE items SET views = views + 1 WHERE id = {item_id}")  # safe: CWE-89 the :int convertor makes item_id an int
    return JSONResponse({"ok": True})


async def bump_by_slug(request):
    slug = request.path_params["slug"]
    await request.app.state.db.execute(f"UPDATE items SET views = views + 1 WHERE slug = '{slug}'")  # expect: CWE-89
    return JSONResponse({"ok": True})


async def comment(request):
    form = await request.form()
    text = form["comment"]
    request.session["last_comment"] = text  # expect: CWE-501
    request.session["comment_len"] = len(text)  # safe: CWE-501 an int
    return JSONResponse({"ok": True})


async def grep_articles(request):
    body = await request.json()
    pattern = body.get("pattern", "")
    hits = {k: re.findall(pattern, v) for k, v in ARTICLES.items()}  # expect: CWE-730
    words = {k: re.findall(r"\w+", v) for k, v in ARTICLES.items()}  # safe: CWE-730 constant pattern
    return JSONResponse({"hits": hits, "words": len(words)})


app = Starlette(
    routes=[
        Route("/hello", hello),
        Route("/hello/v2", hello_v2),
        Route("/go", go),
        Route("/go/v2", go_v2),
        Route("/items/{item_id:int}/bump", bump, methods=["POST"]),
        Route("/items/{slug}/bump", bump_by_slug, methods=["POST"]),
        Route("/comment", comment, methods=["POST"]),
        Route("/grep", grep_articles, methods=["POST"]),
    ],
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["HELP_SESSION_KEY"], https_only=True)],  # safe: CWE-798 key from the environment
)
