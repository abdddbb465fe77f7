"""Loads report plugins chosen in the dashboard."""
import importlib

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
PLUGINS = {"sales": "reports.sales", "stock": "reports.stock"}
ENABLED = ("reports.sales", "reports.stock", "reports.returns")


@app.route("/plugins/run")
def run_plugin():
    module = importlib.import_module(request.args["module"])  # expect: CWE-94
    return jsonify(result=module.run())


@app.route("/plugins/run/v2")
def run_plugin_v2():
    name = PLUGINS.get(request.args.get("name", ""))
    if name is None:
        abort(404)
    module = importlib.import_module(name)  # safe: CWE-94 value from a constant table
    return jsonify(result=module.run())


@app.route("/plugins/run/v3")
def run_plugin_v3():
    name = request.args.get("module", "")
    if name not in ENABLED:
        abort(404)
    module = importlib.import_module(name)  # safe: CWE-94 allow-listed
    return jsonify(result=module.run())


@app.route("/plugins/legacy")
def run_legacy():
    module = __import__(request.args["module"])  # expect: CWE-94
    return jsonify(result=module.run())


@app.route("/plugins/formula", methods=["POST"])
def formula():
    src = request.form["formula"]
    return jsonify(result=eval(compile(src, "<formula>", "eval"), {"__builtins__": {}}, {"x": 1}))  # expect: CWE-94
