import ipaddress
import logging
import re
import traceback
from urllib.parse import quote, urlparse

import requests
from flask import Blueprint, current_app, g, jsonify, render_template_string, request

from ..lib import db as dbx
from ..lib.mailer import send_custom

bp = Blueprint("reports", __name__)
log = logging.getLogger("billing.reports")

SUMMARY_TEMPLATE = "<h2>{{ title }}</h2><p>{{ count }} invoices</p>"
LOGO_HOSTS = {"cdn.example.com", "assets.example.com"}


@bp.get("/summary")
def summary():
    title = request.args.get("title", "Summary")
    count = dbx.count_checked("status", "open")
    return render_template_string(SUMMARY_TEMPLATE, title=title, count=count)  # safe: CWE-1336, CWE-79 constant autoescaped template, value passed as a variable


@bp.post("/email")
def email_report():
    footer = request.form.get("footer", "")
    send_custom(g.user.email, "Your report", "{{ body }}<hr>" + footer, body="...")
    return jsonify(queued=True)


@bp.get("/filter")
def filter_lines():
    pattern = request.args.get("q", "")
    lines = current_app.config.get("REPORT_LINES", [])
    hits = [line for line in lines if re.search(pattern, line)]  # expect: CWE-730 user-supplied pattern
    return jsonify(hits=hits)


@bp.get("/filter-literal")
def filter_literal():
    needle = re.compile(re.escape(request.args.get("q", "")), re.IGNORECASE)  # safe: CWE-730 escaped
    lines = current_app.config.get("REPORT_LINES", [])
    return jsonify(hits=[line for line in lines if needle.search(line)])


@bp.get("/logo")
def logo():
    url = request.args["url"]
    resp = requests.get(url, timeout=5)  # expect: CWE-918 arbitrary URL fetched by the server
    return resp.content, 200, {"Content-Type": "image/png"}


@bp.get("/logo-v2")
def logo_v2():
    url = request.args["url"]
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in LOGO_HOSTS:
        return jsonify(error="host not allowed"), 400
    resp = requests.get(url, timeout=5)  # safe: CWE-918 scheme and host allow-listed
    return resp.content, 200, {"Content-Type": "image/png"}


@bp.get("/rates/<currency>")
def rates(currency):
    resp = requests.get("https://rates.example.com/v1/latest/" + quote(currency, safe=""), timeout=3)  # safe: CWE-918 fixed host, quoted path segment
    return jsonify(resp.json())


@bp.get("/rates-legacy")
def rates_legacy():
    resp = requests.get("https://rates.example.com/v1/latest")  # expect: CWE-400 no timeout
    return jsonify(resp.json())


@bp.get("/run/<int:report_id>")
def run_report(report_id):
    try:
        rows = dbx.rows_for_table(f"report_{report_id}", 500)
    except Exception as exc:
        log.exception("report %d failed", report_id)
        return jsonify(error="report failed", detail=traceback.format_exc()), 500  # expect: CWE-209 traceback returned to the client
    return jsonify(rows=rows)


@bp.get("/run-v2/<int:report_id>")
def run_report_v2(report_id):
    try:
        rows = dbx.rows_for_table(f"report_{report_id}", 500)
    except Exception:
        log.exception("report %d failed", report_id)
        return jsonify(error="report failed"), 500  # safe: CWE-209 generic message, details only logged
    return jsonify(rows=rows)
