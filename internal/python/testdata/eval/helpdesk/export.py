"""CSV exports of ticket queues."""
import csv
import io
import os
import re

from flask import Blueprint, Response, abort, request, send_file
from werkzeug.utils import secure_filename

bp = Blueprint("export", __name__, url_prefix="/export")
EXPORT_DIR = "/srv/helpdesk/exports"


@bp.route("/queue")
def queue_csv():
    buf = io.StringIO()
    csv.writer(buf).writerow(["id", "subject"])
    return Response(buf.getvalue(), mimetype="text/csv")


@bp.route("/saved")
def saved():
    name = request.args.get("name", "")
    path = os.path.join(EXPORT_DIR, name + ".csv")
    return send_file(path, mimetype="text/csv")  # expect: CWE-22


@bp.route("/saved/v2")
def saved_v2():
    name = secure_filename(request.args.get("name", ""))
    if not name:
        abort(404)
    return send_file(os.path.join(EXPORT_DIR, name + ".csv"), mimetype="text/csv")  # safe: CWE-22 secure_filename


@bp.route("/saved/v3")
def saved_v3():
    name = request.args.get("name", "")
    if not re.fullmatch(r"[a-z0-9-]{1,40}", name):
        abort(404)
    return send_file(os.path.join(EXPORT_DIR, name + ".csv"), mimetype="text/csv")  # safe: CWE-22 fullmatch guard


@bp.route("/grep")
def grep_exports():
    pattern = request.args.get("pattern", "")
    matcher = re.compile(pattern)  # expect: CWE-730
    names = [n for n in os.listdir(EXPORT_DIR) if matcher.search(n)]
    return Response("\n".join(names), mimetype="text/plain")  # safe: CWE-79 text/plain


@bp.route("/split")
def split_field():
    sep = request.args.get("sep", ",")
    value = request.args.get("value", "")
    parts = re.split(sep, value)  # expect: CWE-730
    return Response("\n".join(parts), mimetype="text/plain")
