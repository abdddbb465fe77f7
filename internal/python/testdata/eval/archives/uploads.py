"""Theme packs uploaded by shop owners as tar or zip archives."""
import os
import tarfile
import zipfile

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
THEMES = "/srv/themes"


@app.route("/themes/tar", methods=["POST"])
def upload_tar():
    with tarfile.open(fileobj=request.files["pack"].stream, mode="r:gz") as tar:
        tar.extractall(THEMES)  # expect: CWE-22
    return jsonify(ok=True)


@app.route("/themes/tar/v2", methods=["POST"])
def upload_tar_v2():
    with tarfile.open(fileobj=request.files["pack"].stream, mode="r:gz") as tar:
        tar.extractall(THEMES, filter="data")  # safe: CWE-22 data filter
    return jsonify(ok=True)


@app.route("/themes/tar/v3", methods=["POST"])
def upload_tar_v3():
    root = os.path.realpath(THEMES)
    with tarfile.open(fileobj=request.files["pack"].stream, mode="r:gz") as tar:
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(root, member.name))
            if not target.startswith(root + os.sep) or member.issym() or member.islnk():
                abort(400)
            tar.extract(member, root)  # safe: CWE-22 every member checked
    return jsonify(ok=True)


@app.route("/themes/tar/v4", methods=["POST"])
def upload_tar_v4():
    with tarfile.open(fileobj=request.files["pack"].stream, mode="r:gz") as tar:
        for member in tar.getmembers():
            tar.extract(member, THEMES)  # expect: CWE-22
    return jsonify(ok=True)


@app.route("/themes/zip", methods=["POST"])
def upload_zip():
    with zipfile.ZipFile(request.files["pack"].stream) as zf:
        for info in zf.infolist():
            dest = os.path.join(THEMES, info.filename)
            os.makedirs(os.path.dirname(dest), exist_ok=True)  # expect: CWE-22
            with open(dest, "wb") as out:  # expect: CWE-22
                out.write(zf.read(info))
    return jsonify(ok=True)


@app.route("/themes/<int:theme_id>/files")
def list_theme(theme_id):
    return jsonify(files=sorted(os.listdir(os.path.join(THEMES, str(theme_id)))))  # safe: CWE-22 int
