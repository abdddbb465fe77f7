"""Template sources built from request data: Bottle, and HTML escaping that leaves template syntax intact."""
from bottle import Bottle, request, template
from flask import Blueprint, render_template_string
from markupsafe import escape

app = Bottle()
bp = Blueprint("greetings", __name__)


@app.get("/search")
def search():
    q = request.query.q
    return template("<p>Results for " + q + "</p>")  # want: PP214


@app.get("/search/v2")
def search_v2():
    return template("<p>Results for {{q}}</p>", q=request.query.q)  # safe look-alike: constant template, the value is a variable


@bp.post("/greeting")
def greeting():
    name = escape(request.form.get("name", "guest"))
    return render_template_string(f"<p>Hello {name}</p>")  # want: PP214


@bp.post("/greeting/v2")
def greeting_v2():
    return render_template_string("<p>Hello {{ name }}</p>", name=request.form.get("name", "guest"))  # safe look-alike
