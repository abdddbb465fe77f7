"""Outgoing requests: urljoin, client base URLs and host allow-lists through helpers."""
from urllib.parse import urljoin, urlparse

import aiohttp
import requests
from flask import Blueprint, abort, request

bp = Blueprint("fetch", __name__)
ALLOWED_HOSTS = {"hooks.slack.com", "outlook.office.com"}


@bp.get("/docs")
def docs_page():
    url = urljoin("https://docs.example.com/shop/", request.args.get("page", "index.html"))
    return requests.get(url, timeout=5).text  # want: PP208


@bp.get("/docs/fixed")
def docs_fixed():
    url = urljoin("https://docs.example.com/shop/", "index.html")
    return requests.get(url, timeout=5).text  # safe look-alike: both parts constant


async def pinned(request):
    path = request.query.get("path", "")
    async with aiohttp.ClientSession(base_url="https://assets.example.com") as session:
        async with session.get("/static/" + path) as resp:  # safe look-alike: base_url fixes the host
            return await resp.read()


async def unpinned(request):
    target = request.query["url"]
    async with aiohttp.ClientSession(base_url="https://assets.example.com") as session:
        async with session.get(target) as resp:  # want: PP208
            return await resp.read()


@bp.get("/ping")
def ping():
    url = request.args.get("url", "")
    host = requests.utils.urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        abort(400)
    return requests.get(url, timeout=5).text  # safe look-alike: host allow-listed through a variable


@bp.get("/ping/v2")
def ping_v2():
    hook = request.get_json()
    if urlparse(str(hook["url"])).hostname not in ALLOWED_HOSTS:
        abort(400)
    return requests.post(str(hook["url"]), json={"ping": 1}, timeout=5).text  # safe look-alike: str() is seen through


@bp.get("/ping/unchecked")
def ping_unchecked():
    url = request.args.get("url", "")
    host = urlparse(url).hostname
    print(host)
    return requests.get(url, timeout=5).text  # want: PP208
