"""Merchant snippets: banners, greeting cards and badges."""
from flask import Blueprint, render_template_string, request
from jinja2 import BaseLoader, Environment, select_autoescape
from markupsafe import Markup, escape

bp = Blueprint("snippets", __name__, url_prefix="/snippets")
_plain = Environment(loader=BaseLoader(), autoescape=False)
BANNER = "<div class='banner'>{{ text }}</div>"


@bp.get("/banner")
def banner():
    return render_template_string(BANNER, text=request.args.get("text", ""))  # safe: CWE-1336, CWE-79 constant template, autoescaped variable


@bp.post("/banner/preview")
def banner_preview():
    source = request.form["template"]
    return render_template_string(source)  # expect: CWE-1336


@bp.post("/banner/greeting")
def banner_greeting():
    name = escape(request.form.get("name", "guest"))
    return render_template_string(f"<p>Hello {name}</p>")  # expect: CWE-1336 HTML escaping leaves {{ }} intact


@bp.post("/banner/greeting/v2")
def banner_greeting_v2():
    name = request.form.get("name", "guest")
    return render_template_string("<p>Hello {{ name }}</p>", name=name)  # safe: CWE-1336, CWE-79 name is a render variable


@bp.get("/card")
def card():
    title = request.args.get("title", "")
    return _plain.from_string("<h3>{{ title }}</h3>").render(title=title)  # expect: CWE-79 autoescape is off


@bp.get("/card/v2")
def card_v2():
    env = Environment(autoescape=select_autoescape(default_for_string=True))
    return env.from_string("<h3>{{ title }}</h3>").render(title=request.args.get("title", ""))  # safe: CWE-79 autoescape on for strings


@bp.get("/badge")
def badge():
    label = request.args.get("label", "new")
    return Markup("<span class='badge'>%s</span>") % label  # safe: CWE-79 Markup's % operator escapes the argument


@bp.get("/badge/raw")
def badge_raw():
    label = request.args.get("label", "new")
    return Markup(f"<span class='badge'>{label}</span>")  # expect: CWE-79


@bp.get("/badge/format")
def badge_format():
    return Markup("<span>{}</span>").format(request.args.get("label", ""))  # safe: CWE-79 Markup.format escapes
