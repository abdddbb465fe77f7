import html
import time

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.routing import Route

from .pages import banner, status_page, status_page_v2

KNOWN_PAGES = {"/", "/incidents", "/history"}
EXPORT_KINDS = {"csv": "text/csv", "json": "application/json"}

middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["GET"]),  # expect: CWE-942
]


async def incident(request):
    title = request.query_params.get("title", "")
    return HTMLResponse(f"<h2>{title}</h2>")  # expect: CWE-79


async def incident_v2(request):
    title = html.escape(request.query_params.get("title", ""))
    return HTMLResponse(f"<h2>{title}</h2>")  # safe: CWE-79 html.escape


async def incident_json(request):
    return JSONResponse({"title": request.query_params.get("title", "")})  # safe: CWE-79 JSON


async def login_redirect(request):
    return RedirectResponse(request.query_params.get("next", "/"))  # expect: CWE-601


async def login_redirect_v2(request):
    nxt = request.query_params.get("next", "/")
    return RedirectResponse(nxt if nxt in KNOWN_PAGES else "/")  # safe: CWE-601 allow-list


async def export(request):
    kind = request.path_params["kind"]
    return PlainTextResponse("id,state\n", headers={"X-Export-Kind": kind})  # expect: CWE-113


async def export_v2(request):
    kind = request.path_params["kind"]
    media = EXPORT_KINDS.get(kind, "text/plain")
    return PlainTextResponse("id,state\n", headers={"Content-Type": media})  # safe: CWE-113 constant map


async def set_region(request):
    resp = RedirectResponse("/")
    resp.set_cookie("region", "eu", secure=True, httponly=True)  # safe: CWE-614, CWE-1004
    resp.set_cookie("last_seen", str(int(time.time())))  # expect: CWE-614, CWE-1004
    return resp


app = Starlette(
    routes=[
        Route("/incident", incident),
        Route("/incident-v2", incident_v2),
        Route("/incident.json", incident_json),
        Route("/login-redirect", login_redirect),
        Route("/login-redirect-v2", login_redirect_v2),
        Route("/export/{kind}", export),
        Route("/export-v2/{kind}", export_v2),
        Route("/region", set_region),
        Route("/banner", banner),
        Route("/status", status_page),
        Route("/status-v2", status_page_v2),
    ],
    middleware=middleware,
)
