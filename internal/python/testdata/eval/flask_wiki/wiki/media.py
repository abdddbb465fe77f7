"""Attachments."""
import os
import shutil
from pathlib import Path

from flask import Blueprint, abort, jsonify, request, send_file
from werkzeug.security import safe_join

bp = Blueprint("media", __name__, url_prefix="/media")

MEDIA = "/srv/wiki/media"
TRASH = "/srv/wiki/trash"


@bp.route("/get")
def get():
    return send_file(Path(MEDIA) / request.args["f"])  # expect: CWE-22


@bp.route("/get/v2")
def get_v2():
    path = safe_join(MEDIA, request.args["f"])
    if path is None:
        abort(404)
    return send_file(path)  # safe: CWE-22 safe_join


@bp.route("/trash", methods=["POST"])
def trash():
    name = request.form["name"]
    shutil.move(os.path.join(MEDIA, name), TRASH)  # expect: CWE-22
    return jsonify(ok=True)


@bp.route("/copy", methods=["POST"])
def copy():
    src = os.path.basename(request.form["src"])
    dst = os.path.basename(request.form["dst"])
    shutil.copyfile(os.path.join(MEDIA, src), os.path.join(MEDIA, dst))  # safe: CWE-22 basename on both
    return jsonify(ok=True)


@bp.route("/folder")
def folder():
    sub = request.args.get("dir", "")
    return jsonify(sorted(os.listdir(os.path.join(MEDIA, sub))))  # expect: CWE-22


@bp.route("/purge", methods=["POST"])
def purge():
    shutil.rmtree(os.path.join(TRASH, request.form["batch"]))  # expect: CWE-22
    return jsonify(ok=True)
