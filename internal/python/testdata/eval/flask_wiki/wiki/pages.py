"""Rendering of wiki pages and small HTML fragments."""
import html

import bleach
import markdown
from flask import Blueprint, make_response, render_template, request
from markupsafe import Markup, escape

bp = Blueprint("pages", __name__)


@bp.route("/page/<title>")
def page(title):
    return render_template("page.html", title=title)  # safe: CWE-79 autoescaped template


@bp.route("/render", methods=["POST"])
def render_markdown():
    body = request.form["body"]
    return make_response(markdown.markdown(body))  # expect: CWE-79


@bp.route("/render/v2", methods=["POST"])
def render_markdown_v2():
    body = request.form["body"]
    cleaned = bleach.clean(markdown.markdown(body), tags=["p", "em", "strong", "a", "code", "pre"])
    return make_response(cleaned)  # safe: CWE-79 bleach.clean


@bp.route("/missing")
def missing():
    title = request.args.get("title", "")
    return make_response("<p>No page named " + title + "</p>", 404)  # expect: CWE-79


@bp.route("/missing/v2")
def missing_v2():
    title = request.args.get("title", "")
    return make_response("<p>No page named " + html.escape(title) + "</p>", 404)  # safe: CWE-79


@bp.route("/crumb")
def crumb():
    parts = request.args.get("path", "").split("/")
    links = "".join(Markup("<a href='/page/{0}'>{0}</a>").format(p) for p in parts)
    return Markup("<nav>") + Markup(links) + Markup("</nav>")  # safe: CWE-79 each part escaped by Markup.format


@bp.route("/crumb/v2")
def crumb_v2():
    parts = request.args.get("path", "").split("/")
    links = "".join(f"<a href='/page/{p}'>{p}</a>" for p in parts)
    return Markup("<nav>" + links + "</nav>")  # expect: CWE-79


@bp.route("/title")
def title_only():
    return escape(request.args.get("t", ""))  # safe: CWE-79


@bp.route("/echo")
def echo():
    response = make_response(request.args.get("text", ""))  # expect: CWE-79
    return response


@bp.route("/echo/v2")
def echo_v2():
    response = make_response(request.args.get("text", ""))  # safe: CWE-79 served as text/plain
    response.mimetype = "text/plain"
    return response
