"""Preview endpoints used by the notification editor."""
from flask import Flask, jsonify, render_template_string, request

from .mailer import send_digest
from .renderer import banner, legacy_banner, render_fixed, render_user_template

app = Flask(__name__)


@app.route("/preview/banner")
def preview_banner():
    message = request.args.get("message", "")
    return legacy_banner.render("banner.html", message=message)  # expect: CWE-79 Jinja2 environment with autoescape=False


@app.route("/preview/banner/v2")
def preview_banner_v2():
    message = request.args.get("message", "")
    return banner.render("banner.html", message=message)  # safe: CWE-79 autoescaping environment


@app.route("/preview/custom", methods=["POST"])
def preview_custom():
    body = request.get_json()
    rendered = render_user_template(body["template"], name="Ada", order="A-1001")
    return jsonify(rendered=rendered)


@app.route("/preview/inline")
def preview_inline():
    greeting = request.args.get("greeting", "Hello")
    tpl = "<p>" + greeting + ", {{ name }}</p>"
    return render_template_string(tpl, name="Ada")  # expect: CWE-1336, CWE-79 request text inside the template source


@app.route("/preview/inline/v2")
def preview_inline_v2():
    greeting = request.args.get("greeting", "Hello")
    return render_template_string("<p>{{ greeting }}, {{ name }}</p>", greeting=greeting, name="Ada")  # safe: CWE-1336, CWE-79 constant autoescaped template


@app.route("/preview/fixed")
def preview_fixed():
    return jsonify(text=render_fixed(name=request.args.get("name", ""), order="A-1001"))


@app.route("/digest", methods=["POST"])
def digest():
    form = request.form
    send_digest(form["to"], form.get("subject", "Your weekly digest"), ["Item one", "Item two"])
    return jsonify(sent=True)
