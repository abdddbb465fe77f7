"""Export plugins and the pricing-rule evaluator."""
import ast
import importlib

from flask import Blueprint, abort, request

bp = Blueprint("plugins", __name__, url_prefix="/plugins")
EXPORTERS = {"csv": "exporters.csv_exporter", "xlsx": "exporters.xlsx_exporter"}
ENABLE_MACROS = False


def current_order():
    return {"total": 120.0, "items": 3}


@bp.get("/export/<kind>")
def export(kind):
    mod = importlib.import_module(f"exporters.{kind}_exporter")  # expect: CWE-94
    return mod.run()


@bp.get("/export/v2/<kind>")
def export_v2(kind):
    if kind not in EXPORTERS:
        abort(404)
    mod = importlib.import_module(EXPORTERS[kind])  # safe: CWE-94 value from a constant map
    return mod.run()


@bp.post("/rules/eval")
def eval_rule():
    rule = request.json["rule"]
    return {"result": eval(compile(rule, "<rule>", "eval"), {"order": current_order()})}  # expect: CWE-94


@bp.post("/rules/eval/v2")
def eval_rule_v2():
    return {"result": ast.literal_eval(request.json["rule"])}  # safe: CWE-94 literal_eval


@bp.get("/widgets/<name>")
def widget(name):
    cls = __import__("widgets." + name, fromlist=["Widget"]).Widget  # expect: CWE-94
    return cls().render()


@bp.post("/macro")
def macro():
    src = request.form["macro"]
    if 7 * 3 > 100:
        exec(src)  # safe: CWE-94 dead branch
    if ENABLE_MACROS:
        exec(src)  # safe: CWE-94 dead branch, module flag is False
    src = "pass"
    exec(src)  # safe: CWE-94 overwritten with a constant
    return {"ok": True}


def warm_up(model):
    model.eval()  # safe: CWE-94 torch Module.eval() switches to inference mode
    return model


def powers():
    return eval("[2 ** n for n in range(10)]")  # safe: CWE-94 constant expression
