"""Paths from the request reaching stat calls and archive unpacking."""
import os
import shutil

from flask import Blueprint, request

bp = Blueprint("files", __name__)
WORKSPACE = "/srv/workspace"


@bp.get("/size")
def size():
    name = request.args.get("f", "")
    return {"size": os.path.getsize(os.path.join(WORKSPACE, name))}  # want: PP204


@bp.get("/size/safe")
def size_safe():
    name = os.path.basename(request.args.get("f", ""))
    return {"size": os.path.getsize(os.path.join(WORKSPACE, name))}  # safe look-alike: basename


@bp.post("/import")
def import_bundle():
    shutil.unpack_archive(request.form["path"], "/srv/imports", format="gztar")  # want: PP204


@bp.post("/import/fixed")
def import_fixed():
    shutil.unpack_archive("/srv/bundles/latest.tar.gz", "/srv/imports", format="gztar")  # safe look-alike
