"""Search endpoints over the application log."""
from flask import Flask, jsonify, request

from .matcher import HOSTNAME, ISO_DATE, SLUG, Highlighter, SafeHighlighter, grep, grep_literal

app = Flask(__name__)
LOG_PATH = "/var/log/app/app.log"


def _lines():
    with open(LOG_PATH, encoding="utf-8", errors="replace") as fh:
        return fh.read().splitlines()[-5000:]


@app.route("/search")
def search():
    return jsonify(lines=grep(_lines(), request.args.get("q", "")))


@app.route("/search/literal")
def search_literal():
    return jsonify(lines=grep_literal(_lines(), request.args.get("q", "")))


@app.route("/highlight", methods=["POST"])
def highlight():
    body = request.get_json()
    terms = body.get("terms", [])
    h = SafeHighlighter(terms) if body.get("literal") else Highlighter(terms)
    return jsonify(text=h.mark(body.get("text", "")))


@app.route("/validate")
def validate():
    value = request.args.get("value", "")
    return jsonify(slug=bool(SLUG.match(value)), date=bool(ISO_DATE.match(value)), host=bool(HOSTNAME.match(value)))
