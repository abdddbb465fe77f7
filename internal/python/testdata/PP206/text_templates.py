"""Templates without autoescaping: HTML pages, text mails and JSON."""
import jinja2
from flask import Blueprint, jsonify, request

bp = Blueprint("newsletter", __name__)
raw_env = jinja2.Environment(loader=jinja2.PackageLoader("newsletter", "templates"), autoescape=False)


@bp.get("/preview")
def preview():
    return raw_env.get_template("issue.html").render(headline=request.args.get("headline", ""))  # want: PP206


@bp.get("/plain")
def plain():
    body = raw_env.get_template("issue.txt").render(headline=request.args.get("headline", ""))  # safe look-alike: a text template
    return jsonify(text=body)


@bp.post("/subject")
def subject():
    tmpl = jinja2.Template("Issue {{ n }}: {{ title }}")
    return jsonify(subject=tmpl.render(title=request.form["title"]))  # safe look-alike: returned as JSON
