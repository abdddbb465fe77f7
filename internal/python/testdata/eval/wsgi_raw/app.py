"""A dependency-free WSGI app used as a health and download endpoint."""
import html
from urllib.parse import parse_qs


def application(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    name = params.get("name", ["report"])[0]
    start_response("200 OK", [("Content-Type", "text/csv"), ("Content-Disposition", "attachment; filename=" + name + ".csv")])  # expect: CWE-113
    return [b"id,total\n"]


def localized(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    lang = params.get("lang", ["en"])[0]
    if lang not in ("en", "de"):
        lang = "en"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Language", lang)])  # safe: CWE-113 allow-listed
    return [b"ok\n"]


def hello(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    who = params.get("who", ["world"])[0]
    start_response("200 OK", [("Content-Type", "text/html")])
    return [("<p>Hello %s</p>" % html.escape(who)).encode()]  # safe: CWE-79 escaped


def echo(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    who = params.get("who", ["world"])[0]
    start_response("200 OK", [("Content-Type", "text/html"), ("X-Echo", who)])  # expect: CWE-113
    return [("<p>Hello %s</p>" % who).encode()]  # expect: CWE-79
