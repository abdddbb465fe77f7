"""Catalogue HTTP API."""
from flask import Flask, jsonify, request

from .queries import ProductQueries

app = Flask(__name__)
q = ProductQueries()


@app.route("/products/search", methods=["POST"])
def search():
    return jsonify(items=q.search(request.get_json()["criteria"]))


@app.route("/products/by-name")
def by_name():
    return jsonify(item=q.by_name(request.args.get("name", "")))


@app.route("/products/by-ids", methods=["POST"])
def by_ids():
    return jsonify(items=q.by_ids(request.json["ids"]))


@app.route("/products/cheaper")
def cheaper():
    if request.args.get("v") == "2":
        return jsonify(items=q.cheaper_than_v2(request.args["max"]))
    return jsonify(items=q.cheaper_than(request.args["max"]))


@app.route("/products/restock", methods=["POST"])
def restock():
    body = request.get_json()
    if body.get("strict"):
        return jsonify(updated=q.restock_v2(body["sku"], body["qty"]))
    return jsonify(updated=q.restock(body["sku"], body["qty"]))


@app.route("/products/tag")
def by_tag():
    return jsonify(items=q.by_tag(request.args.get("tag", "")))


@app.route("/reports/aggregate", methods=["POST"])
def aggregate():
    return jsonify(rows=q.report(request.get_json()["pipeline"]))
