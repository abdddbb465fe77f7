import os

from flask import Flask
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

app = Flask(__name__)
app.debug = True  # want: PP501
app.config["DEBUG"] = True  # want: PP501
app.config["TESTING"] = True  # safe: not debug


@app.route("/")
def index():
    return "hello"


def serve_dev():
    app.run(host="127.0.0.1", debug=True)  # want: PP501


def serve_env():
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")  # safe look-alike: from the environment


def serve_off():
    app.run(debug=False)  # safe look-alike


def wrapped():
    return DebuggedApplication(app, evalex=True)  # want: PP501


def wrapped_no_eval():
    return DebuggedApplication(app, evalex=False)  # safe look-alike: no code execution


def simple():
    run_simple("localhost", 5000, app, use_reloader=True, use_debugger=True)  # want: PP501


def simple_no_debugger():
    run_simple("localhost", 5000, app, use_reloader=True)  # safe look-alike


DEBUG_FLAG = os.getenv("APP_DEBUG", "0") == "1"
app.debug = DEBUG_FLAG  # safe: from the environment


def wrapped_default():
    return DebuggedApplication(app)  # safe look-alike: evalex defaults to False


def wrapped_positional():
    return DebuggedApplication(app, True)  # want: PP501
