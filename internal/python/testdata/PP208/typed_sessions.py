"""A session passed in with a type annotation is a session."""
from typing import Optional
from urllib.parse import urlparse

import aiohttp
import requests
from aiohttp import web

ALLOWED = {"cdn.example.com"}


class Proxy:
    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    async def fetch(self, request):
        target = request.query["url"]
        async with self.session.get(target) as resp:  # want: PP208
            return web.Response(body=await resp.read())

    async def fetch_checked(self, request):
        target = request.query["url"]
        if urlparse(target).hostname not in ALLOWED:
            raise web.HTTPBadRequest()
        async with self.session.get(target) as resp:  # safe: host allow-listed
            return web.Response(body=await resp.read())


def warm(session: Optional[requests.Session], url):
    return session.get(url, timeout=5)  # want: PP208


def warm_fixed(session: requests.Session):
    return session.get("https://cdn.example.com/ping", timeout=5)  # safe: constant URL


def handler(request):
    return warm(requests.Session(), request.args["u"])
