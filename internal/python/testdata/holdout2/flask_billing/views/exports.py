import os
import tarfile
import tempfile

from flask import Blueprint, abort, current_app, jsonify, request, send_file, send_from_directory
from werkzeug.utils import safe_join, secure_filename

from ..lib.shell import run_pdf_tool, run_pdf_tool_quoted

bp = Blueprint("exports", __name__)


def _root():
    return current_app.config["EXPORT_ROOT"]


@bp.get("/download")
def download():
    name = request.args["name"]
    return send_file(os.path.join(_root(), name), as_attachment=True)  # expect: CWE-22 joined without a check


@bp.get("/download-v2")
def download_v2():
    name = request.args["name"]
    return send_from_directory(_root(), name, as_attachment=True)  # safe: CWE-22 send_from_directory rejects paths outside the root


@bp.get("/download-v3")
def download_v3():
    path = safe_join(_root(), request.args["name"])
    if path is None:
        abort(404)
    return send_file(path, as_attachment=True)  # safe: CWE-22 safe_join


@bp.get("/preview/<path:relpath>")
def preview(relpath):
    full = os.path.realpath(os.path.join(_root(), relpath))
    if os.path.commonpath([full, os.path.realpath(_root())]) != os.path.realpath(_root()):
        abort(404)
    with open(full, "rb") as fh:  # safe: CWE-22 realpath + commonpath containment
        return fh.read(), 200, {"Content-Type": "application/octet-stream"}


@bp.post("/delete")
def remove():
    name = request.get_json()["name"]
    os.remove(os.path.join(_root(), name))  # expect: CWE-22 JSON name never checked
    return "", 204


@bp.post("/upload")
def upload():
    f = request.files["archive"]
    dest = os.path.join(_root(), "incoming", secure_filename(f.filename))
    f.save(dest)  # safe: CWE-22 secure_filename
    return jsonify(saved=os.path.basename(dest))


@bp.post("/import")
def import_bundle():
    f = request.files["bundle"]
    workdir = tempfile.mkdtemp(prefix="bundle-")
    with tarfile.open(fileobj=f.stream, mode="r:gz") as tar:
        tar.extractall(workdir)  # expect: CWE-22 tar members unchecked
    return jsonify(files=os.listdir(workdir))


@bp.post("/import-v2")
def import_bundle_v2():
    f = request.files["bundle"]
    workdir = tempfile.mkdtemp(prefix="bundle-")
    with tarfile.open(fileobj=f.stream, mode="r:gz") as tar:
        tar.extractall(workdir, filter="data")  # safe: CWE-22 data filter
    return jsonify(files=os.listdir(workdir))


@bp.post("/pdf")
def pdf():
    options = request.form.get("options", "--page-size A4")
    result = run_pdf_tool(options)
    return jsonify(rc=result.returncode)


@bp.post("/pdf-v2")
def pdf_v2():
    src = request.form["source"]
    out = os.path.join(_root(), "pdf", secure_filename(request.form["target"]))
    result = run_pdf_tool_quoted(src, out)
    return jsonify(rc=result.returncode)
