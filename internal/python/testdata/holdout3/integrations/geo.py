"""Geo lookups and map tiles."""
import http.client
import json
import urllib.request
from urllib.parse import quote

from flask import Blueprint, Response, jsonify, request

bp = Blueprint("geo", __name__)
GEO_HOSTS = {"eu": "geo-eu.internal.example", "us": "geo-us.internal.example"}


@bp.route("/geo/lookup")
def lookup():
    region_host = request.args.get("host", "geo-eu.internal.example")
    conn = http.client.HTTPSConnection(region_host, timeout=5)  # expect: CWE-918 host from the query string
    conn.request("GET", "/v1/lookup?ip=" + quote(request.remote_addr or ""))
    return jsonify(json.loads(conn.getresponse().read()))


@bp.route("/geo/lookup/v2")
def lookup_v2():
    host = GEO_HOSTS.get(request.args.get("region", "eu"), GEO_HOSTS["eu"])
    conn = http.client.HTTPSConnection(host, timeout=5)  # safe: CWE-918 host from a constant map
    conn.request("GET", "/v1/lookup?ip=" + quote(request.remote_addr or ""))
    return jsonify(json.loads(conn.getresponse().read()))


@bp.route("/geo/tile")
def tile():
    z, x, y = (int(request.args[k]) for k in ("z", "x", "y"))
    with urllib.request.urlopen(f"https://tiles.example.com/{z}/{x}/{y}.png", timeout=5) as r:  # safe: CWE-918 integers under a fixed host
        return Response(r.read(), mimetype="image/png")


@bp.route("/geo/proxy")
def proxy():
    src = request.args["src"]
    with urllib.request.urlopen(urllib.request.Request(src, headers={"User-Agent": "geo/1.0"}), timeout=5) as r:  # expect: CWE-918
        return Response(r.read(), mimetype="application/octet-stream")
