"""Properties compute paths from request data like any method."""
import os

from flask import Flask, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
EXPORTS = "/srv/exports"


class Export:
    def __init__(self):
        self.name = request.args.get("file", "")

    @property
    def path(self):
        return os.path.join(EXPORTS, self.name)

    @property
    def safe_path(self):
        return os.path.join(EXPORTS, secure_filename(self.name))

    @property
    def fixed_path(self):
        return os.path.join(EXPORTS, "latest.csv")


@app.get("/export")
def export():
    e = Export()
    return send_file(e.path)  # want: PP204


@app.get("/export-safe")
def export_safe():
    e = Export()
    return send_file(e.safe_path)  # safe: secure_filename in the property


@app.get("/export-latest")
def export_latest():
    return send_file(Export().fixed_path)  # safe: constant path
