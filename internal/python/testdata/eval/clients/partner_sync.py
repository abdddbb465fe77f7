"""Pulls orders from partner shops configured by the merchant."""
import httpx
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/sync", methods=["POST"])
def sync():
    cfg = request.get_json()
    base = cfg["shop_url"].rstrip("/")
    resp = httpx.get(base + "/api/orders", headers={"Authorization": "Bearer " + cfg["token"]})  # expect: CWE-918
    return jsonify(count=len(resp.json()))


@app.route("/sync/status")
def status():
    resp = httpx.get("https://partners.example.com/api/health", verify=True)  # safe: CWE-918, CWE-295
    return jsonify(up=resp.status_code == 200)


@app.route("/sync/insecure", methods=["POST"])
def sync_insecure():
    resp = httpx.post("https://partners.example.com/api/orders", json=request.get_json(), verify=False)  # expect: CWE-295
    return jsonify(code=resp.status_code)
