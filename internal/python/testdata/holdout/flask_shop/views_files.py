"""Invoice downloads, uploads and theme bundles."""
import shutil
import tarfile
import zipfile
from os import path as osp
from pathlib import Path

from flask import Blueprint, abort, current_app, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

from lib.paths import UnsafePath, resolve_under, strip_dots, within

bp = Blueprint("files", __name__, url_prefix="/files")
INVOICE_DIR = "/srv/shop/invoices"
THEMES = Path("/srv/shop/themes")
IMPORT_DIR = "/srv/shop/import"


@bp.get("/invoice")
def invoice():
    name = request.args.get("name", "")
    return send_file(osp.join(INVOICE_DIR, name), mimetype="application/pdf")  # expect: CWE-22


@bp.get("/invoice/v2")
def invoice_v2():
    name = request.args.get("name", "")
    try:
        full = resolve_under(INVOICE_DIR, name)
    except UnsafePath:
        abort(404)
    return send_file(full, mimetype="application/pdf")  # safe: CWE-22 resolve_under checks the real prefix


@bp.get("/invoice/v3")
def invoice_v3():
    return send_from_directory(INVOICE_DIR, request.args.get("name", ""))  # safe: CWE-22 send_from_directory joins safely


@bp.get("/receipt")
def receipt():
    name = request.args.get("name", "")
    if ".." in name:
        abort(400)
    with open(osp.join(INVOICE_DIR, "receipts", name), "rb") as fh:  # expect: CWE-22 an absolute name still replaces the base
        return fh.read(), 200, {"Content-Type": "application/pdf"}


@bp.get("/legacy")
def legacy():
    name = strip_dots(request.args.get("name", ""))
    return send_file(osp.join(INVOICE_DIR, name))  # expect: CWE-22 "....//" survives strip_dots


@bp.get("/statement/<int:year>")
def statement(year):
    return send_file(osp.join(INVOICE_DIR, "statements", f"{year}.pdf"))  # safe: CWE-22 int route parameter


@bp.post("/avatar")
def avatar():
    upload = request.files["avatar"]
    fname = secure_filename(upload.filename or "")
    if not fname:
        abort(400)
    upload.save(osp.join(current_app.config["UPLOAD_ROOT"], "avatars", fname))  # safe: CWE-22 secure_filename
    return {"saved": fname}


@bp.post("/attachment")
def attachment():
    upload = request.files["file"]
    dest = osp.join(current_app.config["UPLOAD_ROOT"], "attachments", upload.filename)
    upload.save(dest)  # expect: CWE-22
    return {"saved": osp.basename(dest)}


@bp.post("/theme")
def upload_theme():
    bundle = request.files["bundle"]
    staging = Path(current_app.config["UPLOAD_ROOT"]) / "themes-incoming"
    staging.mkdir(parents=True, exist_ok=True)
    archive_path = staging / secure_filename(bundle.filename or "theme.tar.gz")
    bundle.save(archive_path)  # safe: CWE-22 secure_filename
    with tarfile.open(archive_path) as tar:
        tar.extractall(THEMES / archive_path.stem)  # expect: CWE-22 no member filter
    return {"theme": archive_path.stem}


@bp.post("/theme/v2")
def upload_theme_v2():
    bundle = request.files["bundle"]
    with tarfile.open(fileobj=bundle.stream, mode="r:gz") as tar:
        tar.extractall(THEMES / "incoming", filter="data")  # safe: CWE-22 data filter
    return {"ok": True}


@bp.post("/fonts")
def upload_fonts():
    bundle = request.files["fonts"]
    with zipfile.ZipFile(bundle.stream) as zf:
        zf.extractall(THEMES / "fonts")  # safe: CWE-22 zipfile drops .. and absolute names
        for info in zf.infolist():
            if info.filename.endswith(".css"):
                with open(osp.join(THEMES, "fonts", "css", info.filename), "wb") as out:  # expect: CWE-22 member name joined by hand
                    out.write(zf.read(info))
    return {"ok": True}


@bp.post("/fonts/v2")
def upload_fonts_v2():
    bundle = request.files["fonts"]
    root = (THEMES / "fonts").resolve()
    with zipfile.ZipFile(bundle.stream) as zf:
        for info in zf.infolist():
            dest = (root / info.filename).resolve()
            if not dest.is_relative_to(root):
                abort(400)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(info))  # safe: CWE-22 resolved and checked with is_relative_to
    return {"ok": True}


@bp.get("/theme-file/<theme>/<path:asset>")
def theme_file(theme, asset):
    try:
        return send_file(within(THEMES, f"{theme}/{asset}"))  # safe: CWE-22 within() resolves and checks
    except UnsafePath:
        abort(404)


@bp.get("/theme-css/<theme>")
def theme_css(theme):
    return (THEMES / theme / "theme.css").read_text()  # expect: CWE-22


@bp.post("/import")
def import_bundle():
    src = request.form["path"]
    shutil.unpack_archive(src, IMPORT_DIR, format="gztar")  # expect: CWE-22
    return {"imported": True}


@bp.post("/import/v2")
def import_bundle_v2():
    name = osp.basename(request.form["path"])
    shutil.copy(osp.join("/srv/shop/dropbox", name), IMPORT_DIR)  # safe: CWE-22 basename
    return {"imported": True}
