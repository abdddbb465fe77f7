"""Document and avatar uploads."""
import os

from flask import Blueprint, jsonify, request
from werkzeug.utils import secure_filename

bp = Blueprint("uploads", __name__)
AVATARS = "/srv/hr/avatars"
DOCS = "/srv/hr/docs"


@bp.route("/avatar", methods=["POST"])
def upload_avatar():
    f = request.files["avatar"]
    dest = os.path.join(AVATARS, f.filename)
    with open(dest, "wb") as out:  # expect: CWE-22 client-supplied file name
        out.write(f.read())
    return jsonify(ok=True)


@bp.route("/avatar/v2", methods=["POST"])
def upload_avatar_v2():
    f = request.files["avatar"]
    dest = os.path.join(AVATARS, secure_filename(f.filename))
    with open(dest, "wb") as out:  # safe: CWE-22 secure_filename
        out.write(f.read())
    return jsonify(ok=True)


@bp.route("/doc", methods=["POST"])
def upload_doc():
    f = request.files["doc"]
    name = f.filename or ""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return jsonify(error="bad name"), 400
    with open(os.path.join(DOCS, name), "wb") as out:  # safe: CWE-22 early return rejects separators and dot-prefixed names
        out.write(f.read())
    return jsonify(ok=True)
