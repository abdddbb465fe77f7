"""Ticket attachments: upload, import and copy between tickets."""
import os
import shutil
import zipfile
from pathlib import Path

from flask import Blueprint, abort, jsonify, request
from werkzeug.utils import secure_filename

bp = Blueprint("attachments", __name__)
ROOT = Path("/srv/tickets")


def ticket_dir(ticket_id: int) -> Path:
    return ROOT / str(int(ticket_id))


@bp.post("/tickets/<int:ticket_id>/import")
def import_zip(ticket_id):
    dest = ticket_dir(ticket_id)
    with zipfile.ZipFile(request.files["zip"]) as zf:
        for member in zf.namelist():
            target = os.path.join(dest, member)
            with zf.open(member) as src, open(target, "wb") as out:  # expect: CWE-22 zip slip: member names joined by hand
                shutil.copyfileobj(src, out)
    return jsonify(ok=True)


@bp.post("/tickets/<int:ticket_id>/import-v2")
def import_zip_v2(ticket_id):
    with zipfile.ZipFile(request.files["zip"]) as zf:
        zf.extractall(ticket_dir(ticket_id))  # safe: CWE-22 zipfile strips .. and absolute paths
    return jsonify(ok=True)


@bp.post("/tickets/<int:ticket_id>/copy")
def copy(ticket_id):
    src_name = request.form["name"]
    shutil.copy(ticket_dir(ticket_id) / src_name, ticket_dir(ticket_id) / "archive")  # expect: CWE-22 name may climb out of the ticket folder
    return jsonify(ok=True)


@bp.get("/tickets/<int:ticket_id>/text")
def text(ticket_id):
    name = request.args["name"]
    base = ticket_dir(ticket_id).resolve()
    target = (base / name).resolve()
    if base not in target.parents:
        abort(404)
    return jsonify(text=target.read_text(errors="replace"))  # safe: CWE-22 resolved path must sit below base


@bp.get("/tickets/<int:ticket_id>/notes")
def notes(ticket_id):
    name = request.args["name"]
    return jsonify(text=(ticket_dir(ticket_id) / "notes" / name).read_text())  # expect: CWE-22 pathlib read of a request name


@bp.post("/tickets/<int:ticket_id>/upload")
def upload(ticket_id):
    files = request.files.getlist("files")
    saved = []
    for f in files:
        name = secure_filename(f.filename or "")
        if not name:
            continue
        f.save(ticket_dir(ticket_id) / name)  # safe: CWE-22 secure_filename in the loop
        saved.append(name)
    return jsonify(saved=saved)
