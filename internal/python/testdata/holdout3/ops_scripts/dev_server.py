#!/usr/bin/env python3
"""Local development entry points for the admin console."""
import os

from flask import Flask
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

app = Flask(__name__)
LISTEN_ALL = "0.0.0.0"


@app.route("/healthz")
def healthz():
    return "ok"


def serve_lan_demo():
    app.run(host=LISTEN_ALL, port=5000, debug=True)  # expect: CWE-605, CWE-489 bind through a constant, debugger on


def serve_local():
    app.run(host="127.0.0.1", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")  # safe: CWE-605, CWE-489


def serve_with_console():
    run_simple("127.0.0.1", 5001, app, use_debugger=True, use_reloader=True)  # expect: CWE-489


def serve_reloader_only():
    run_simple("localhost", 5001, app, use_reloader=True)  # safe: CWE-489, CWE-605


def wsgi_with_console():
    return DebuggedApplication(app, evalex=True)  # expect: CWE-489


if __name__ == "__main__":
    serve_local()
