"""A name without a slash is one path component."""
import os

from flask import Flask, abort, request

app = Flask(__name__)
DOCS = "/srv/docs"


@app.post("/doc")
def upload_doc():
    name = request.form.get("name", "")
    if not name or "/" in name or name.startswith("."):
        abort(400)
    with open(os.path.join(DOCS, name), "wb") as out:  # safe: no slash, no leading dot
        out.write(b"")
    return "ok"


@app.post("/doc2")
def upload_doc2():
    name = request.form.get("name", "")
    if "/" not in name:
        return open(os.path.join(DOCS, name)).read()  # safe: a single component
    return open(os.path.join(DOCS, name)).read()  # want: PP204


@app.post("/doc3")
def upload_doc3():
    name = request.form.get("name", "")
    if ".." in name:
        abort(400)
    return open(os.path.join(DOCS, name)).read()  # want: PP204


@app.post("/doc4")
def upload_doc4():
    name = request.form.get("name", "")
    if "../" in name:
        abort(400)
    return open(os.path.join(DOCS, name)).read()  # want: PP204
