"""Newsletter preview rendering."""
import jinja2
from flask import Blueprint, jsonify, request

bp = Blueprint("newsletter", __name__)

_raw_env = jinja2.Environment(loader=jinja2.PackageLoader("newsletter", "templates"), autoescape=False)
_safe_env = jinja2.Environment(loader=jinja2.PackageLoader("newsletter", "templates"), autoescape=True)


@bp.get("/newsletter/preview")
def preview():
    headline = request.args.get("headline", "")
    return _raw_env.get_template("issue.html").render(headline=headline)  # expect: CWE-79 autoescape off, request value rendered into HTML


@bp.get("/newsletter/preview-v2")
def preview_v2():
    headline = request.args.get("headline", "")
    return _safe_env.get_template("issue.html").render(headline=headline)  # safe: CWE-79 autoescape on


@bp.get("/newsletter/plain")
def plain():
    headline = request.args.get("headline", "")
    body = _raw_env.get_template("issue.txt").render(headline=headline)
    return jsonify(text=body)  # safe: CWE-79 returned as JSON, not HTML


@bp.post("/newsletter/subject")
def subject():
    tmpl = jinja2.Template("Issue {{ n }}: {{ title }}")  # safe: CWE-1336 constant template
    return jsonify(subject=tmpl.render(n=int(request.form["n"]), title=request.form["title"]))
