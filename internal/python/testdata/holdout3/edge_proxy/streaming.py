"""Streams a response from an upstream chosen per request."""
import aiohttp

from .tls import metrics_connector

KNOWN_UPSTREAMS = {"orders": "orders.internal:8080", "catalog": "catalog.internal:8080"}


class Upstream:
    def __init__(self, request):
        self.host = request.headers.get("x-upstream-host", "")
        self.service = request.headers.get("x-upstream-service", "orders")
        self.path = request.path_params["path"]

    @property
    def pinned_host(self):
        return KNOWN_UPSTREAMS.get(self.service, KNOWN_UPSTREAMS["orders"])

    async def chunks(self):
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://{self.host}/{self.path}") as resp:  # expect: CWE-918 host header chosen by the client
                async for chunk in resp.content.iter_chunked(65536):
                    yield chunk

    async def pinned_chunks(self):
        async with aiohttp.ClientSession(connector=metrics_connector()) as session:
            async with session.get(f"http://{self.pinned_host}/healthz") as resp:  # safe: CWE-918 host from a constant map, constant path
                async for chunk in resp.content.iter_chunked(65536):
                    yield chunk
