"""Fetches product images and partner feeds for the catalogue."""
from urllib.parse import quote, urljoin, urlparse

import httpx
import requests
from flask import Blueprint, abort, current_app, request

from lib.http_client import ApiClient

bp = Blueprint("fetch", __name__, url_prefix="/fetch")
PARTNER_HOSTS = {"feeds.partner-a.com", "cdn.partner-b.net"}
CATALOG_BASE = "https://catalog.internal.example.com"


@bp.get("/image")
def image_proxy():
    url = request.args["src"]
    resp = requests.get(url, timeout=5, stream=True)  # expect: CWE-918
    return resp.content, resp.status_code, {"Content-Type": "image/png"}


@bp.get("/partner-feed")
def partner_feed():
    url = request.args["feed"]
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in PARTNER_HOSTS:
        abort(400)
    return requests.get(url, timeout=10).json()  # safe: CWE-918 scheme and host allow-listed


@bp.get("/catalog/<path:item>")
def catalog_item(item):
    return requests.get(f"{CATALOG_BASE}/items/{quote(item)}", timeout=5).json()  # safe: CWE-918 fixed scheme and host


@bp.get("/catalog-raw")
def catalog_raw():
    path = request.args.get("path", "")
    return requests.get(CATALOG_BASE + path, timeout=5).json()  # expect: CWE-918 no slash after the host, "@evil.example" takes over


@bp.get("/docs")
def docs_page():
    page = request.args.get("page", "index.html")
    url = urljoin("https://docs.example.com/shop/", page)
    body = requests.get(url, timeout=5).text  # expect: CWE-918 urljoin lets an absolute URL replace the host
    return {"length": len(body)}


@bp.get("/tenant-status")
def tenant_status():
    tenant = request.args["tenant"]
    r = httpx.get(f"https://{tenant}.status.example.com/health", timeout=3)  # expect: CWE-918 the tenant controls the host
    return {"up": r.status_code == 200}


@bp.get("/tenant-status/v2")
def tenant_status_v2():
    tenant = request.args["tenant"]
    if not tenant.isalnum():
        abort(400)
    r = httpx.get(f"https://{tenant}.status.example.com/health", timeout=3)  # safe: CWE-918 isalnum keeps the label inside the fixed domain
    return {"up": r.status_code == 200}


@bp.get("/stock/<int:sku>")
def stock(sku):
    client = ApiClient(CATALOG_BASE, token=current_app.config["CATALOG_TOKEN"])
    return client.get_json(f"stock/{sku}")  # safe: CWE-918 int path segment on a fixed host


@bp.get("/search")
def search_proxy():
    client = ApiClient(CATALOG_BASE, token=current_app.config["CATALOG_TOKEN"])
    return client.get_json("search", q=request.args.get("q", ""))  # safe: CWE-918 user data only in the query string
