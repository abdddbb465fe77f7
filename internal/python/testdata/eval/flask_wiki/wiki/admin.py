"""Wiki administration."""
from flask import Blueprint, abort, g, jsonify, request

from . import csrf

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/macro", methods=["POST"])
@csrf.exempt  # expect: CWE-352
def run_macro():
    if not g.user.is_admin:
        abort(403)
    env = {"pages": []}
    exec(request.form["macro"], env)  # expect: CWE-94
    return jsonify(result=env.get("result"))


@bp.route("/rename", methods=["POST"])
def rename():
    assert g.user.is_admin  # expect: CWE-617
    return jsonify(ok=True)


@bp.route("/expr")
def expr():
    if not g.user.is_admin:
        abort(403)
    a = request.args.get("a", "0")
    b = request.args.get("b", "0")
    return jsonify(sum=eval(f"{a} + {b}"))  # expect: CWE-94


@bp.route("/expr/v2")
def expr_v2():
    a = float(request.args.get("a", "0"))
    b = float(request.args.get("b", "0"))
    return jsonify(sum=eval(f"{a} + {b}"))  # safe: CWE-94 float()
