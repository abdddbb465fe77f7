"""Hand-rolled CORS for the embeddable widget API."""
from flask import Flask, jsonify, request

app = Flask(__name__)
TRUSTED_ORIGINS = {"https://shop.example.com", "https://blog.example.com"}


@app.after_request
def add_cors(resp):
    if request.path.startswith("/widget/"):
        resp.headers.update({"Access-Control-Allow-Origin": request.headers.get("Origin", "*"), "Access-Control-Allow-Credentials": "true"})  # expect: CWE-942
    elif request.headers.get("Origin") in TRUSTED_ORIGINS:
        resp.headers.update({"Access-Control-Allow-Origin": request.headers["Origin"], "Access-Control-Allow-Credentials": "true"})  # safe: CWE-942 allow-listed origin
    else:
        resp.headers["Access-Control-Allow-Origin"] = "*"  # safe: CWE-942 wildcard without credentials
    return resp


@app.route("/widget/cart")
def cart():
    return jsonify(items=[])
