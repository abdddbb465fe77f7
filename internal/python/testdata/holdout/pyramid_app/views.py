"""Pyramid views for the documentation portal."""
import ast
import os

from pyramid.httpexceptions import HTTPFound, HTTPNotFound
from pyramid.response import Response
from pyramid.view import view_config

DOCS = "/srv/portal/docs"


@view_config(route_name="doc", renderer="json")
def doc(request):
    name = request.matchdict["name"]
    with open(os.path.join(DOCS, name + ".md")) as fh:  # expect: CWE-22
        return {"body": fh.read()}


@view_config(route_name="doc_v2", renderer="json")
def doc_v2(request):
    name = os.path.basename(request.matchdict["name"])
    try:
        with open(os.path.join(DOCS, name + ".md")) as fh:  # safe: CWE-22 basename
            return {"body": fh.read()}
    except FileNotFoundError:
        raise HTTPNotFound()


@view_config(route_name="after")
def after(request):
    return HTTPFound(location=request.params.get("came_from", "/"))  # expect: CWE-601


@view_config(route_name="after_v2")
def after_v2(request):
    return HTTPFound(location=request.route_url("home"))  # safe: CWE-601 route_url target


@view_config(route_name="calc", renderer="json")
def calc(request):
    expr = request.json_body["expr"]
    return {"value": eval(expr, {"__builtins__": {}})}  # expect: CWE-94 an empty builtins dict is no sandbox


@view_config(route_name="calc_v2", renderer="json")
def calc_v2(request):
    return {"value": ast.literal_eval(request.json_body["expr"])}  # safe: CWE-94 literal_eval


@view_config(route_name="hello")
def hello(request):
    return Response(f"<b>{request.GET.get('n', '')}</b>")  # expect: CWE-79


@view_config(route_name="hello_v2", renderer="templates/hello.jinja2")
def hello_v2(request):
    return {"n": request.GET.get("n", "")}  # safe: CWE-79 rendered by an autoescaping template
