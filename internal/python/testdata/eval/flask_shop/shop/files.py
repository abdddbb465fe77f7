"""Customer uploads, invoices and shared notes."""
import html
import os

from flask import Blueprint, abort, jsonify, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

bp = Blueprint("files", __name__, url_prefix="/files")

UPLOAD_DIR = "/srv/shop/uploads"
INVOICE_DIR = "/srv/shop/invoices"
NOTES_DIR = "/srv/shop/notes"
REPORT_DIR = "/srv/shop/reports"


@bp.route("/download")
def download():
    name = request.args["file"]
    return send_file(os.path.join(UPLOAD_DIR, name))  # expect: CWE-22


@bp.route("/download/v2")
def download_v2():
    name = request.args["file"]
    return send_from_directory(UPLOAD_DIR, name)  # safe: CWE-22 send_from_directory joins safely


@bp.route("/invoice")
def invoice():
    name = request.args["name"]
    path = os.path.join(INVOICE_DIR, os.path.basename(name))
    return send_file(path, mimetype="application/pdf")  # safe: CWE-22 basename


@bp.route("/invoice/v2")
def invoice_v2():
    # Escaping for HTML leaves ../ untouched.
    name = html.escape(request.args["name"])
    return send_file(os.path.join(INVOICE_DIR, name))  # expect: CWE-22


@bp.route("/invoice/<int:number>")
def invoice_by_number(number):
    return send_file(os.path.join(INVOICE_DIR, f"{number}.pdf"))  # safe: CWE-22 int route converter


@bp.route("/upload", methods=["POST"])
def upload():
    doc = request.files["document"]
    doc.save(os.path.join(UPLOAD_DIR, doc.filename))  # expect: CWE-22
    return jsonify(ok=True)


@bp.route("/upload/v2", methods=["POST"])
def upload_v2():
    doc = request.files["document"]
    doc.save(os.path.join(UPLOAD_DIR, secure_filename(doc.filename)))  # safe: CWE-22 secure_filename
    return jsonify(ok=True)


@bp.route("/notes/<path:note>")
def read_note(note):
    full = os.path.normpath(os.path.join(NOTES_DIR, note))
    if not full.startswith(NOTES_DIR + os.sep):
        abort(404)
    with open(full) as fh:  # safe: CWE-22 normalised prefix check
        return jsonify(text=fh.read())


@bp.route("/raw-notes/<path:note>")
def read_raw_note(note):
    with open(NOTES_DIR + "/" + note) as fh:  # expect: CWE-22
        return jsonify(text=fh.read())


@bp.route("/attachment", methods=["DELETE"])
def delete_attachment():
    name = request.args["name"]
    os.remove(os.path.join(UPLOAD_DIR, name))  # expect: CWE-22
    return "", 204


@bp.route("/report")
def report():
    path = os.path.join(REPORT_DIR, request.args["p"])
    if not path.startswith(REPORT_DIR):
        abort(403)
    return send_file(path)  # expect: CWE-22 prefix check without normalisation


@bp.route("/template")
def builtin_template():
    kind = request.args.get("kind", "invoice")
    templates = {"invoice": "invoice.html", "receipt": "receipt.html"}
    name = templates.get(kind, "invoice.html")
    with open(os.path.join("/srv/shop/templates", name)) as fh:  # safe: CWE-22 looked up in a constant table
        return jsonify(source=fh.read())
