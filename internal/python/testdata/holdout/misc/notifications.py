"""CSV downloads and notification endpoints (headers and logs)."""
import html
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, make_response, request
from werkzeug.utils import secure_filename

from lib.sanitize import one_line

bp = Blueprint("notify", __name__, url_prefix="/notify")


def build_csv():
    return "id,total\n1,10\n"


@bp.get("/download")
def download():
    name = request.args.get("name", "report.csv")
    resp = make_response(build_csv())
    resp.headers["Content-Disposition"] = f"attachment; filename={name}"  # expect: CWE-113
    return resp


@bp.get("/download/v2")
def download_v2():
    name = request.args.get("name", "report.csv")
    resp = make_response(build_csv())
    resp.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"  # safe: CWE-113 percent-encoded
    return resp


@bp.get("/download/v3")
def download_v3():
    safe_name = secure_filename(request.args.get("name", "")) or "report.csv"
    resp = make_response(build_csv())
    resp.headers.set("Content-Disposition", "attachment", filename=safe_name)  # safe: CWE-113 secure_filename
    return resp


@bp.get("/download/v4")
def download_v4():
    name = request.args.get("name", "report.csv")
    return Response(build_csv(), mimetype="text/csv", headers={"X-Export-Name": name})  # expect: CWE-113


@bp.get("/trace")
def trace():
    resp = jsonify(ok=True)
    resp.headers.add("X-Trace", html.escape(request.args.get("trace", "")))  # expect: CWE-113 html.escape keeps CR/LF
    return resp


@bp.get("/trace/v2")
def trace_v2():
    resp = jsonify(ok=True)
    resp.headers.add("X-Trace", one_line(request.args.get("trace", "")))  # safe: CWE-113 one_line removes CR/LF
    return resp


@bp.post("/send")
def send():
    msg = request.form["message"]
    current_app.logger.warning("notify: " + msg)  # expect: CWE-117
    current_app.logger.warning("notify: %s", repr(msg))  # safe: CWE-117 repr escapes line breaks
    current_app.logger.warning("notify: %s", html.escape(msg))  # expect: CWE-117 html.escape keeps line breaks
    current_app.logger.info("notify length=%d", len(msg))  # safe: CWE-117 an int
    return {"queued": True}
