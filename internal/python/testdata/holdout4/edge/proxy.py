"""Reverse-proxy helpers for the edge service."""
from urllib.parse import quote, urlparse

import aiohttp
from aiohttp import web

INTERNAL_API = "https://internal-api.example"
ALLOWED_FETCH_HOSTS = {"cdn.example.com", "static.example.com"}


class UpstreamProxy:
    def __init__(self, session: aiohttp.ClientSession):
        self.session = session
        self.timeout = aiohttp.ClientTimeout(total=10)

    async def forward(self, request):
        tail = request.match_info["tail"]
        async with self.session.get(f"{INTERNAL_API}/{quote(tail)}", timeout=self.timeout) as resp:  # safe: CWE-918 fixed host
            return web.Response(body=await resp.read(), status=resp.status)

    async def fetch_remote(self, request):
        target = request.query["url"]
        async with self.session.get(target, timeout=self.timeout) as resp:  # expect: CWE-918
            return web.Response(body=await resp.read(), status=resp.status)

    async def fetch_remote_v2(self, request):
        target = request.query["url"]
        if urlparse(target).hostname not in ALLOWED_FETCH_HOSTS:
            raise web.HTTPBadRequest(text="host not allowed")
        async with self.session.get(target, timeout=self.timeout) as resp:  # safe: CWE-918 host allow-list
            return web.Response(body=await resp.read(), status=resp.status)

    async def health(self, request):
        async with self.session.get(INTERNAL_API + "/health", ssl=False, timeout=self.timeout) as resp:  # expect: CWE-295
            return web.json_response({"upstream": resp.status})
