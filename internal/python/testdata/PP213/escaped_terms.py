"""Search terms joined into one alternation."""
import re

from flask import Flask, request

app = Flask(__name__)


@app.get("/match")
def match():
    terms = request.args.getlist("t")
    safe = re.compile("|".join(map(re.escape, terms)), re.I)  # safe: every term escaped
    raw = re.compile("|".join(terms), re.I)  # want: PP213
    mapped = re.compile("|".join(map(str.strip, terms)))  # want: PP213
    return str(bool(safe.search("x")) and bool(raw.search("x")) and bool(mapped.search("x")))
