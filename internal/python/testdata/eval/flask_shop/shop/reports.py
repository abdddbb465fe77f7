"""Staff-editable report templates and storefront snippets."""
from flask import Blueprint, render_template_string, request
from jinja2 import Environment, Template, select_autoescape

bp = Blueprint("reports", __name__, url_prefix="/reports")

CARD = "<div class='card'><h2>{{ name }}</h2></div>"


def recent_orders():
    return []


@bp.route("/preview", methods=["POST"])
def preview():
    template = request.form["template"]
    return render_template_string(template, orders=recent_orders())  # expect: CWE-1336


@bp.route("/greeting")
def greeting():
    name = request.args.get("name", "guest")
    return render_template_string("<p>Hello {{ name }}</p>", name=name)  # safe: CWE-1336, CWE-79 constant template, autoescaped


@bp.route("/bio")
def bio():
    text = request.args.get("bio", "")
    return render_template_string("<div class='bio'>{{ bio|safe }}</div>", bio=text)  # expect: CWE-79


@bp.route("/render", methods=["POST"])
def render_snippet():
    source = request.get_json()["body"]
    return Environment(autoescape=True).from_string(source).render()  # expect: CWE-1336


@bp.route("/render/v2", methods=["POST"])
def render_snippet_v2():
    source = request.get_json()["body"]
    return Template(source, autoescape=True).render(orders=recent_orders())  # expect: CWE-1336


@bp.route("/card")
def card():
    name = request.args.get("name", "")
    return Environment(autoescape=False).from_string(CARD).render(name=name)  # expect: CWE-79


@bp.route("/card/v2")
def card_v2():
    name = request.args.get("name", "")
    return Environment(autoescape=select_autoescape()).from_string(CARD).render(name=name)  # safe: CWE-79 autoescape on for strings
