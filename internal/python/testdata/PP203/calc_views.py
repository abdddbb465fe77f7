import ast
import importlib
import json

from flask import Flask, jsonify, request

app = Flask(__name__)

OPERATIONS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
PLUGINS = {"csv": "exporters.csv_export", "xlsx": "exporters.xlsx_export"}


@app.route("/calc")
def calc():
    expr = request.args["q"]
    result = eval(expr)  # want: PP203
    return jsonify(result=result)


@app.route("/calc-literal")
def calc_literal():
    expr = request.args["q"]
    result = ast.literal_eval(expr)  # safe look-alike: literal_eval
    return jsonify(result=result)


@app.route("/calc-json")
def calc_json():
    payload = json.loads(request.data)
    op = OPERATIONS.get(payload["op"])  # safe: dispatch through a dict
    return jsonify(result=op(payload["a"], payload["b"]))


@app.route("/script", methods=["POST"])
def run_script():
    body = request.get_json()
    code = body.get("code", "")
    exec(code, {"__builtins__": {}})  # want: PP203
    return "ran"


@app.route("/template")
def template_expr():
    field = request.args.get("field")
    compiled = compile("row." + field, "<expr>", "eval")  # want: PP203
    return str(compiled)


@app.route("/plugin")
def load_plugin():
    name = request.args.get("name")
    mod = importlib.import_module(name)  # want: PP203
    return mod.__name__


@app.route("/plugin-safe")
def load_plugin_safe():
    kind = request.args.get("kind")
    mod = importlib.import_module(PLUGINS.get(kind, "exporters.csv_export"))  # safe: only known module names
    return mod.__name__


@app.route("/plugin-dunder")
def load_plugin_dunder():
    name = request.args.get("name")
    return str(__import__(name))  # want: PP203


@app.route("/version")
def version():
    return str(eval("1 + 2"))  # safe: constant
