"""Find-and-replace and log filtering for the support console."""
import re

from flask import Blueprint, abort, request

bp = Blueprint("search_tools", __name__, url_prefix="/support")
PATTERNS = {"email": r"[\w.+-]+@[\w-]+\.[\w.]+", "order": r"ORD-\d{6}"}
SAMPLE = "ORD-000123 paid by ana@example.com\nORD-000124 refunded\n"


@bp.post("/replace")
def replace():
    body = request.get_json()
    out = re.sub(body["find"], body.get("replace", ""), SAMPLE)  # expect: CWE-730
    return {"text": out}


@bp.post("/replace/v2")
def replace_v2():
    body = request.get_json()
    out = re.sub(re.escape(body["find"]), lambda m: body.get("replace", ""), SAMPLE)  # safe: CWE-730 escaped pattern
    return {"text": out}


@bp.get("/lines")
def lines_for_user():
    username = request.args.get("user", "")
    matcher = f"^{username}\\b"
    hits = [line for line in SAMPLE.splitlines() if re.search(matcher, line)]  # expect: CWE-730 pattern built from the user name
    return {"lines": hits}


@bp.get("/split")
def split_fields():
    sep = request.args.get("sep", ",")
    return {"fields": re.split(sep, request.args.get("line", ""))}  # expect: CWE-730


@bp.get("/extract/<kind>")
def extract(kind):
    if kind not in PATTERNS:
        abort(404)
    return {"hits": re.findall(PATTERNS[kind], SAMPLE)}  # safe: CWE-730 pattern from a constant map


@bp.get("/prefix")
def prefix():
    rx = re.compile("^" + re.escape(request.args.get("p", "")))  # safe: CWE-730 escaped
    return {"hits": [line for line in SAMPLE.splitlines() if rx.match(line)]}
