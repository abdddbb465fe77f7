"""Streaming CSV exports with user-defined transforms."""
import csv
import io
import logging

from flask import Blueprint, Response, abort, jsonify, request

bp = Blueprint("exports", __name__)
log = logging.getLogger("exports")
KINDS = ("orders", "customers", "refunds")
SAFE_BUILTINS = {"len": len, "str": str, "int": int, "round": round}
TRANSFORMS = {
    "upper": lambda row: [c.upper() for c in row],
    "strip": lambda row: [c.strip() for c in row],
}


def fetch(kind):
    return [("1", "alpha"), ("2", "beta")]


@bp.route("/exports/<kind>")
def export(kind):
    if kind not in KINDS:
        abort(404)
    fname = request.args.get("filename", f"{kind}.csv")

    def rows():
        yield "id,name\n"
        for r in fetch(kind):
            yield f"{r[0]},{r[1]}\n"

    resp = Response(rows(), mimetype="text/csv")
    resp.headers.set("X-Export-Name", fname)  # expect: CWE-113 headers.set with a request value
    resp.headers.set("X-Export-Kind", kind)  # safe: CWE-113 allow-listed path value
    return resp


@bp.route("/exports/transform", methods=["POST"])
def transform():
    code = request.form["transform"]
    namespace = {}
    exec(code, {"__builtins__": SAFE_BUILTINS}, namespace)  # expect: CWE-94 exec of request code with restricted builtins
    fn = namespace.get("transform", lambda row: row)
    out = io.StringIO()
    csv.writer(out).writerows(fn(list(r)) for r in fetch("orders"))
    return Response(out.getvalue(), mimetype="text/csv")


@bp.route("/exports/transform/v2", methods=["POST"])
def transform_v2():
    try:
        fn = TRANSFORMS[request.form["transform"]]
    except KeyError as exc:
        log.warning("unknown transform requested: %r", exc)  # safe: CWE-117 %r of the exception
        return jsonify(error="unknown transform"), 400  # safe: CWE-209 fixed message
    out = io.StringIO()
    csv.writer(out).writerows(fn(list(r)) for r in fetch("orders"))
    return Response(out.getvalue(), mimetype="text/csv")


@bp.route("/exports/notify", methods=["POST"])
def notify():
    who = request.form.get("email", "")
    log.info("export ready for %s", who)  # expect: CWE-117
    log.info("export ready for %s", who.splitlines()[0] if who else "")  # safe: CWE-117 first line only
    return jsonify(ok=True)
