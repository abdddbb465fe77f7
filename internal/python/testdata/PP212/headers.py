import uuid

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/id")
def with_id():
    resp = make_response("ok")
    resp.headers["X-Request-Id"] = request.args["id"]  # want: PP212
    return resp


@app.route("/id-safe")
def with_id_safe():
    resp = make_response("ok")
    resp.headers["X-Request-Id"] = str(uuid.UUID(request.args["id"]))  # safe: a UUID
    resp.headers["Cache-Control"] = "no-store"  # safe: constant
    return resp
