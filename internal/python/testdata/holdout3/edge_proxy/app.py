"""Edge proxy: Starlette application objects."""
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from . import routes

public_middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["GET", "POST"]),  # expect: CWE-942 wildcard origin with credentials
]

admin_middleware = [
    Middleware(CORSMiddleware, allow_origins=["https://admin.example.com"], allow_credentials=True),  # safe: CWE-942 explicit origin
]

widget_middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False),  # safe: CWE-942 no credentials
]

ROUTES = [
    Route("/preview", routes.fetch_preview),
    Route("/partners/{partner}/status", routes.partner_status),
    Route("/go", routes.go),
    Route("/go/v2", routes.go_v2),
    Route("/hello", routes.hello),
    Route("/hello/v2", routes.hello_v2),
    Route("/trace", routes.echo_trace),
    Route("/trace/v2", routes.echo_trace_v2),
    Route("/stream/{path:path}", routes.stream),
]

app = Starlette(routes=ROUTES, middleware=public_middleware)
admin_app = Starlette(routes=ROUTES, middleware=admin_middleware)
widget_app = Starlette(routes=ROUTES, middleware=widget_middleware)
