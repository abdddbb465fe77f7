"""Flask API of the reviews service."""
from flask import Flask, abort, jsonify, request

import store

app = Flask(__name__)


@app.route("/reviews")
def by_author():
    # Query-string values are always strings, so no operator can sneak in.
    return jsonify(store.reviews_by_author(request.args.get("author", "")))


@app.route("/reviews/search", methods=["POST"])
def search():
    body = request.get_json()
    return jsonify(list(store.reviews.find({"author": body["author"]}, {"_id": 0})))  # expect: CWE-943


@app.route("/reviews/js")
def by_js_filter():
    min_len = request.args.get("min", "0")
    return jsonify(store.reviews_matching("this.text.length > " + min_len))


@app.route("/reviews/top")
def top():
    return jsonify(store.reviews_above(int(request.args.get("min", "4"))))


@app.route("/reviews/js/v2")
def by_js_filter_v2():
    min_len = int(request.args.get("min", "0"))
    return jsonify(store.reviews_matching("this.text.length > %d" % min_len))


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    account = store.accounts.find_one({"login": body["login"], "pin": body["pin"]})  # expect: CWE-943
    if account is None:
        abort(401)
    return jsonify(ok=True)


@app.route("/login/v2", methods=["POST"])
def login_v2():
    body = request.get_json()
    login_name = body.get("login")
    if not isinstance(login_name, str):
        abort(400)
    account = store.account_for(login_name)
    return jsonify(ok=account is not None)
