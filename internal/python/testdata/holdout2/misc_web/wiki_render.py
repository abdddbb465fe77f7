"""Wiki page rendering for the intranet."""
import html

from django.http import HttpResponse
from django.template import Context, Engine, Template
from flask import Blueprint, Response, request
from markupsafe import escape

bp = Blueprint("wiki", __name__)


@bp.get("/wiki/search")
def search():
    q = request.args.get("q", "")
    return f"<h2>Search</h2><p>No pages match <em>{q}</em></p>"  # expect: CWE-79 query in a returned HTML string


@bp.get("/wiki/search-v2")
def search_v2():
    q = escape(request.args.get("q", ""))
    return f"<h2>Search</h2><p>No pages match <em>{q}</em></p>"  # safe: CWE-79 markupsafe.escape


@bp.get("/wiki/raw")
def raw():
    body = request.args.get("body", "")
    return Response("<pre>" + body + "</pre>", mimetype="text/html")  # expect: CWE-79 HTML response


@bp.get("/wiki/raw-v2")
def raw_v2():
    body = request.args.get("body", "")
    return Response("<pre>" + html.escape(body) + "</pre>", mimetype="text/html")  # safe: CWE-79 html.escape


def django_preview(request):
    src = request.POST.get("source", "")
    tpl = Template(src)  # expect: CWE-1336 Django template compiled from the form
    return HttpResponse(tpl.render(Context({"user": request.user})))


def django_preview_v2(request):
    tpl = Engine.get_default().from_string("<h1>{{ title }}</h1><div>{{ body }}</div>")  # safe: CWE-1336 constant template source
    return HttpResponse(tpl.render(Context({"title": request.POST.get("title", ""), "body": request.POST.get("body", "")})))  # safe: CWE-79 Django templates autoescape
