import os

import aiohttp
from aiohttp import web

from .handlers import routes
from .proxy import UpstreamProxy


async def _session_ctx(app):
    app["http"] = aiohttp.ClientSession()
    proxy = UpstreamProxy(app["http"])
    app.router.add_get("/api/{tail:.*}", proxy.forward)
    app.router.add_get("/fetch", proxy.fetch_remote)
    app.router.add_get("/fetch-v2", proxy.fetch_remote_v2)
    app.router.add_get("/upstream-health", proxy.health)
    yield
    await app["http"].close()


def build_app():
    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.add_routes(routes)
    app.cleanup_ctx.append(_session_ctx)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), host=os.environ.get("EDGE_HOST", "127.0.0.1"), port=8080)  # safe: CWE-605 configured, loopback default
