"""Content-Disposition built from a client-chosen name."""
from flask import Blueprint, make_response, request
from werkzeug.utils import secure_filename

bp = Blueprint("downloads", __name__)


@bp.get("/download")
def download():
    name = request.args.get("name", "report.csv")
    resp = make_response("a,b\n")
    resp.headers["Content-Disposition"] = f'attachment; filename="{secure_filename(name)}"'  # safe look-alike: secure_filename leaves no CR, LF or quote
    resp.headers["X-Original-Name"] = name  # want: PP212
    return resp
