"""Falcon, Sanic and markupsafe: HTML built from request data."""
import falcon
from flask import Blueprint, request
from markupsafe import Markup
from sanic import Sanic, response

app = Sanic("memo")
bp = Blueprint("badges", __name__)


@app.get("/memo")
async def memo(request):
    text = request.args.get("text", "")
    return response.html(f"<pre>{text}</pre>")  # want: PP206


@app.get("/memo/plain")
async def memo_plain(request):
    text = request.args.get("text", "")
    return response.text(f"memo: {text}")  # safe look-alike: text/plain


class GreetingResource:
    def on_get(self, req, resp, name):
        resp.content_type = falcon.MEDIA_HTML
        resp.text = "<p>Welcome back, " + name + "</p>"  # want: PP206


class GreetingJSONResource:
    def on_get(self, req, resp, name):
        resp.text = '{"greeting": "' + name + '"}'  # safe look-alike: Falcon serves JSON unless told otherwise


@bp.get("/badge")
def badge():
    label = request.args.get("label", "new")
    return Markup("<span class='badge'>%s</span>") % label  # safe look-alike: Markup's % escapes the argument


@bp.get("/badge/raw")
def badge_raw():
    label = request.args.get("label", "new")
    return Markup(f"<span class='badge'>{label}</span>")  # want: PP206
