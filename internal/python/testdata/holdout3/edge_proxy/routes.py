"""Request handlers of the edge proxy."""
import html
import re
from urllib.parse import urlsplit

import httpx
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, StreamingResponse

from .streaming import Upstream

PARTNERS = {
    "acme": "https://status.acme.example",
    "globex": "https://api.globex.example/v1",
}
REDIRECT_HOSTS = {"app.example.com", "www.example.com"}
TRACEPARENT = re.compile(r"[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")


async def fetch_preview(request):
    target = request.query_params["url"]
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.get(target)  # expect: CWE-918
    return JSONResponse({"status": r.status_code, "length": len(r.content)})


async def partner_status(request):
    base = PARTNERS.get(request.path_params["partner"])
    if base is None:
        return JSONResponse({"error": "unknown partner"}, status_code=404)
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.get(base + "/status")  # safe: CWE-918 host from a constant map
    return JSONResponse({"status": r.status_code})


async def go(request):
    dest = request.query_params.get("to", "/")
    return RedirectResponse(dest)  # expect: CWE-601


async def go_v2(request):
    dest = request.query_params.get("to", "/")
    if urlsplit(dest).netloc not in REDIRECT_HOSTS:
        dest = "/"
    return RedirectResponse(dest)  # safe: CWE-601 netloc allow-list, relative URLs replaced


async def hello(request):
    name = request.query_params.get("name", "")
    return HTMLResponse("<h2>Welcome, " + name + "</h2>")  # expect: CWE-79


async def hello_v2(request):
    name = request.query_params.get("name", "")
    return HTMLResponse(f"<h2>Welcome, {html.escape(name)}</h2>")  # safe: CWE-79 escaped


async def echo_trace(request):
    trace = request.headers.get("traceparent", "")
    return PlainTextResponse("ok", headers={"traceparent": trace})  # expect: CWE-113 header from the request


async def echo_trace_v2(request):
    trace = request.headers.get("traceparent", "")
    if not TRACEPARENT.fullmatch(trace):
        trace = "00-" + "0" * 32 + "-" + "0" * 16 + "-00"
    return PlainTextResponse("ok", headers={"traceparent": trace})  # safe: CWE-113 strict fullmatch


async def stream(request):
    upstream = Upstream(request)
    return StreamingResponse(upstream.chunks(), media_type="application/octet-stream")
