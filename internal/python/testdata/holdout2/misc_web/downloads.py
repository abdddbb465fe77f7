"""Signed download links (Flask blueprint)."""
import http.client
import os
import urllib.request
from os import path as osp
from urllib.parse import urlparse

from flask import Blueprint, abort, request, send_file
from werkzeug.utils import secure_filename

bp = Blueprint("downloads", __name__)
ROOT = "/srv/downloads"
MIRRORS = {"eu": "mirror-eu.example.com", "us": "mirror-us.example.com"}


@bp.get("/dl")
def dl():
    name = request.args.get("f", "")
    resp = send_file(osp.join(ROOT, secure_filename(name)))  # safe: CWE-22 secure_filename
    resp.headers["Content-Disposition"] = f'attachment; filename="{secure_filename(name)}"'  # safe: CWE-113 secure_filename leaves no CR or LF
    return resp


@bp.get("/dl-legacy")
def dl_legacy():
    name = request.args.get("f", "")
    resp = send_file(osp.join(ROOT, osp.basename(name)))  # safe: CWE-22 basename
    resp.headers["Content-Disposition"] = "attachment; filename=" + name  # expect: CWE-113 raw name in a header
    return resp


@bp.get("/mirror")
def mirror():
    region = request.args.get("region", "eu")
    host = MIRRORS.get(region)
    if host is None:
        abort(400)
    conn = http.client.HTTPSConnection(host, timeout=10)  # safe: CWE-918 host from MIRRORS
    conn.request("HEAD", "/status")
    return {"status": conn.getresponse().status}


@bp.get("/mirror-any")
def mirror_any():
    conn = http.client.HTTPSConnection(request.args["host"], timeout=10)  # expect: CWE-918 host from the query string
    conn.request("HEAD", "/status")
    return {"status": conn.getresponse().status}


@bp.get("/import-feed")
def import_feed():
    feed = request.args["feed"]
    if urlparse(feed).scheme not in ("http", "https"):
        abort(400)
    with urllib.request.urlopen(feed, timeout=10) as r:  # expect: CWE-918 only the scheme is checked
        return {"bytes": len(r.read())}
