"""Resolved paths checked with .parents, and Sanic's file()."""
import os
from pathlib import Path

from flask import Blueprint, abort, jsonify, request
from sanic import Sanic
from sanic.response import file

bp = Blueprint("attachments", __name__)
app = Sanic("media")
ROOT = Path("/srv/tickets")
MEDIA_ROOT = "/srv/media"


@bp.get("/tickets/<int:ticket_id>/text")
def text(ticket_id):
    base = (ROOT / str(ticket_id)).resolve()
    target = (base / request.args["name"]).resolve()
    if base not in target.parents:
        abort(404)
    return jsonify(text=target.read_text(errors="replace"))  # safe look-alike: the resolved path sits below base


@bp.get("/tickets/<int:ticket_id>/raw")
def raw(ticket_id):
    base = (ROOT / str(ticket_id)).resolve()
    target = (base / request.args["name"]).resolve()
    return jsonify(text=target.read_text(errors="replace"))  # want: PP204


@app.get("/media")
async def media(request):
    name = request.args.get("name", "")
    return await file(os.path.join(MEDIA_ROOT, name))  # want: PP204


@app.get("/media/safe")
async def media_safe(request):
    name = os.path.basename(request.args.get("name", ""))
    return await file(os.path.join(MEDIA_ROOT, name))  # safe look-alike: basename
