import logging
import os
import re

from sanic import Sanic
from sanic.response import file, html, json, redirect, text

app = Sanic("media")
log = logging.getLogger("media")
MEDIA_ROOT = "/srv/media"
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


@app.get("/media")
async def media(request):
    name = request.args.get("name", "")
    return await file(os.path.join(MEDIA_ROOT, name))  # expect: CWE-22 unchecked name


@app.get("/media/<slug:str>")
async def media_by_slug(request, slug: str):
    if not SLUG_RE.fullmatch(slug):
        return text("bad slug", status=400)
    return await file(os.path.join(MEDIA_ROOT, slug + ".jpg"))  # safe: CWE-22 slug fully matched against a pattern without dots or slashes


@app.get("/caption")
async def caption(request):
    c = request.args.get("c", "")
    return html(f"<figcaption>{c}</figcaption>")  # expect: CWE-79 caption in HTML


@app.get("/out")
async def out(request):
    return redirect(request.args.get("u", "/"))  # expect: CWE-601 unchecked URL


@app.get("/pattern")
async def pattern(request):
    expr = request.args.get("re", "")
    names = [n for n in os.listdir(MEDIA_ROOT) if re.fullmatch(expr, n)]  # expect: CWE-730 client regex
    return json({"names": names})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=False)  # expect: CWE-605 all interfaces
