import re

from flask import Blueprint, jsonify, request

bp = Blueprint("regex_tools", __name__)

STOPWORDS = ["the", "and", "or"]


@bp.post("/text/redact")
def redact():
    data = request.get_json()
    rx = re.compile(data["pattern"], re.IGNORECASE)  # expect: CWE-730 client pattern compiled
    return jsonify(text=rx.sub("[redacted]", data["text"]))


@bp.post("/text/replace")
def replace():
    data = request.get_json()
    out = re.sub(data["find"], data["replace"], data["text"])  # expect: CWE-730 find is used as a pattern
    return jsonify(text=out)


@bp.post("/text/replace-literal")
def replace_literal():
    data = request.get_json()
    out = re.sub(re.escape(data["find"]), lambda m: data["replace"], data["text"])  # safe: CWE-730 escaped, replacement taken literally
    return jsonify(text=out)


@bp.post("/text/stopwords")
def stopwords():
    text = request.get_json()["text"]
    rx = re.compile(r"\b(" + "|".join(map(re.escape, STOPWORDS)) + r")\b")  # safe: CWE-730 constant word list
    return jsonify(text=rx.sub("", text))
