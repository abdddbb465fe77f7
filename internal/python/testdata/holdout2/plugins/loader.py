"""Plugin and rule evaluation for the alerting service."""
import ast
import importlib
import logging

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("plugins", __name__)
log = logging.getLogger("plugins")

ENABLED_PLUGINS = {"slack": "alerting.plugins.slack", "email": "alerting.plugins.email", "pager": "alerting.plugins.pager"}


@bp.post("/plugins/load")
def load_plugin():
    name = request.json["module"]
    mod = importlib.import_module(name)  # expect: CWE-94 module path chosen by the client
    return jsonify(loaded=mod.__name__)


@bp.post("/plugins/enable")
def enable_plugin():
    key = request.json["plugin"]
    if key not in ENABLED_PLUGINS:
        abort(404)
    mod = importlib.import_module(ENABLED_PLUGINS[key])  # safe: CWE-94 module path from a constant map
    return jsonify(loaded=mod.__name__)


@bp.post("/rules/test")
def test_rule():
    rule = request.json["condition"]
    sample = request.json.get("sample", {})
    matched = eval(rule, {}, dict(sample))  # expect: CWE-94 alert condition evaluated as Python
    return jsonify(matched=bool(matched))


@bp.post("/rules/threshold")
def threshold():
    value = ast.literal_eval(request.json["threshold"])  # safe: CWE-94 literal_eval
    if not isinstance(value, (int, float)):
        abort(400)
    return jsonify(threshold=value)


@bp.post("/rules/compile")
def compile_rule():
    src = request.get_data(as_text=True)
    lines = [ln for ln in src.splitlines() if not ln.lstrip().startswith("#")]
    code = compile("\n".join(lines), "<rule>", "exec")  # expect: CWE-94 compiled from the request body
    ns = {}
    exec(code, ns)  # expect: CWE-94 and then run
    return jsonify(names=sorted(k for k in ns if not k.startswith("_")))


OPERATORS = {"gt": lambda a, b: a > b, "lt": lambda a, b: a < b, "eq": lambda a, b: a == b}


@bp.post("/rules/simple")
def simple_rule():
    op = OPERATORS.get(request.json.get("op"))
    if op is None:
        abort(400)
    return jsonify(matched=op(float(request.json["value"]), float(request.json["limit"])))
