"""Pyramid views of the wiki."""
import logging
import re

from pyramid.httpexceptions import HTTPFound
from pyramid.response import Response
from pyramid.view import view_config

from . import db

log = logging.getLogger(__name__)
LOCAL_PATH = re.compile(r"/[A-Za-z0-9/_.-]*")


@view_config(route_name="page", renderer="json")
def page(request):
    title = request.matchdict["title"]
    return {"page": db.page_by_title(title)}


@view_config(route_name="page_safe", renderer="json")
def page_safe(request):
    return {"page": db.page_by_title_safe(request.matchdict["title"])}


@view_config(route_name="history", renderer="json")
def history(request):
    page_id = int(request.matchdict["id"])
    limit = int(request.params.get("limit", "20"))
    return {"revs": db.history(page_id, limit)}


@view_config(route_name="login", request_method="POST")
def login(request):
    came_from = request.params.get("came_from", "/")
    return HTTPFound(location=came_from)  # expect: CWE-601


@view_config(route_name="login_safe", request_method="POST")
def login_safe(request):
    came_from = request.params.get("came_from", "/")
    # Only plain local paths: no scheme, no host, no backslash, tab or other tricks.
    if not LOCAL_PATH.fullmatch(came_from) or came_from.startswith("//"):
        came_from = "/"
    return HTTPFound(location=came_from)  # safe: CWE-601 strict local path


@view_config(route_name="greet")
def greet(request):
    return Response(f"<h2>Welcome, {request.params['name']}</h2>")  # expect: CWE-79


@view_config(route_name="greet_text")
def greet_text(request):
    return Response(f"Welcome, {request.params['name']}", content_type="text/plain")  # safe: CWE-79 text/plain


@view_config(route_name="macro", request_method="POST", renderer="json")
def run_macro(request):
    script = request.json_body["script"]
    scope = {}
    exec(script, scope)  # expect: CWE-94
    return {"result": scope.get("result")}


@view_config(route_name="sudo", request_method="POST", renderer="json")
def sudo(request):
    request.session["auth.userid"] = request.POST["userid"]  # expect: CWE-501
    return {"ok": True}


@view_config(route_name="edit", request_method="POST", renderer="json")
def edit(request):
    title = request.POST["title"]
    log.info("edit of " + title)  # expect: CWE-117
    return {"ok": True}
