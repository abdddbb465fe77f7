"""Control flow around request data: guards, loops, handlers, lambdas."""
import sqlite3

from flask import Flask, abort, request

app = Flask(__name__)
conn = sqlite3.connect("flows.db")
KINDS = {"book": 1, "film": 2}


@app.route("/loop")
def loop():
    names = [n for n in request.args.getlist("n") if n]
    for name in names:
        conn.execute("SELECT * FROM t WHERE name = '%s'" % name)  # want: PP201
    return "ok"


@app.route("/walrus")
def walrus():
    if (tag := request.args.get("tag")) is not None:
        conn.execute(f"SELECT * FROM t WHERE tag = '{tag}'")  # want: PP201
    return "ok"


@app.route("/except")
def except_path():
    try:
        page = int(request.args["page"])
    except ValueError:
        page = request.args["page"]
    conn.execute("SELECT * FROM t LIMIT 10 OFFSET %s" % page)  # want: PP201
    return "ok"


@app.route("/except-default")
def except_default():
    try:
        page = int(request.args["page"])
    except ValueError:
        page = 0
    conn.execute("SELECT * FROM t LIMIT 10 OFFSET %s" % page)  # safe look-alike: a number on every path
    return "ok"


@app.route("/isdigit")
def isdigit_guard():
    w = request.args["w"]
    if w.isdigit():
        conn.execute("SELECT * FROM t WHERE id = %s" % w)  # safe: digits only
    return "ok"


@app.route("/early-return")
def early_return():
    kind = request.args.get("kind")
    if not kind or kind not in ("book", "film"):
        return "bad kind", 400
    conn.execute(f"SELECT * FROM {kind}s")  # safe: allow-listed before use
    return "ok"


@app.route("/abort")
def abort_guard():
    kind = request.args.get("kind")
    if kind not in KINDS:
        abort(400)
    conn.execute(f"SELECT * FROM {kind}s")  # safe: abort() ends the other path
    return "ok"


@app.route("/assert")
def assert_guard():
    kind = request.args.get("kind")
    assert kind in {"book", "film"}
    conn.execute(f"SELECT * FROM {kind}s")  # safe: asserted against a set of constants
    return "ok"


@app.route("/keys")
def keys_guard():
    kind = request.args.get("kind")
    if kind in KINDS.keys():
        conn.execute(f"SELECT * FROM {kind}s")  # safe: dict keys are an allow-list
    return "ok"


@app.route("/guard-wrong-branch")
def guard_wrong_branch():
    kind = request.args.get("kind")
    if kind in KINDS:
        pass
    conn.execute(f"SELECT * FROM {kind}s")  # want: PP201
    return "ok"


@app.route("/ternary")
def ternary():
    order = request.args.get("order")
    order = order if order in ("asc", "desc") else "asc"
    conn.execute(f"SELECT * FROM t ORDER BY id {order}")  # safe: both branches are safe
    return "ok"


@app.route("/or-default")
def or_default():
    q = request.args.get("q") or "all"
    conn.execute(f"SELECT * FROM t WHERE q = '{q}'")  # want: PP201
    return "ok"


@app.route("/replace")
def replace_quotes():
    q = request.args.get("q", "").replace("'", "''")
    conn.execute(f"SELECT * FROM t WHERE q = '{q}'")  # want: PP201
    return "ok"


@app.route("/lambda")
def via_lambda():
    run = lambda value: conn.execute("SELECT * FROM t WHERE v = '%s'" % value)  # want: PP201
    run(request.headers.get("X-Value"))
    return "ok"


@app.route("/nested-json")
def nested_json():
    body = request.get_json()
    user = body["user"]
    conn.execute(f"SELECT * FROM t WHERE name = '{user['name']}'")  # want: PP201
    return "ok"


@app.route("/nested-json-safe")
def nested_json_safe():
    body = request.get_json()
    uid = int(body["user"]["id"])
    conn.execute(f"SELECT * FROM t WHERE id = {uid}")  # safe look-alike: int()
    return "ok"


class Finder:
    def __init__(self, db):
        self.db = db

    def by_name(self, name):
        return self.db.execute("SELECT * FROM t WHERE name = '" + name + "'")  # want: PP201

    def by_name_safe(self, name):
        return self.db.execute("SELECT * FROM t WHERE name = ?", [name])


@app.route("/method")
def via_method():
    finder = Finder(conn)
    finder.by_name(request.args["name"])
    finder.by_name_safe(request.args["name"])
    return "ok"
