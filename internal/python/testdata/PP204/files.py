import os
import shutil
from pathlib import Path

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["name"]
    return open(os.path.join(UPLOADS, name)).read()  # want: PP204


@app.route("/download2")
def download_safe():
    name = secure_filename(request.args["name"])
    return open(os.path.join(UPLOADS, name)).read()  # safe: secure_filename


@app.route("/download3")
def download_basename():
    name = os.path.basename(request.args["name"])
    with open(UPLOADS + "/" + name) as fh:  # safe: basename
        return fh.read()


@app.route("/file")
def file_send():
    return send_file(request.args.get("path"))  # want: PP204


@app.route("/static2")
def static_dir():
    return send_from_directory(UPLOADS, request.args["f"])  # safe: send_from_directory joins safely


@app.route("/delete", methods=["POST"])
def delete():
    target = request.form["target"]
    os.remove(target)  # want: PP204
    shutil.rmtree("/tmp/cache")  # safe: constant
    return "ok"


@app.route("/checked")
def checked():
    full = os.path.realpath(os.path.join(UPLOADS, request.args["name"]))
    if not full.startswith(UPLOADS + os.sep):
        return "no", 400
    return open(full).read()  # safe: normalised and prefix-checked


@app.route("/pathlib")
def pathlib_read():
    p = Path(UPLOADS) / request.args["name"]
    return p.read_text()  # want: PP204


def cli_tool(path):
    return open(path).read()  # safe: a helper's parameter is not request data
