"""Outgoing webhook tests and cart import/export."""
import base64
import json
import pickle
from urllib.parse import urlparse

import requests
import yaml
from flask import Blueprint, abort, jsonify, request

bp = Blueprint("webhooks", __name__, url_prefix="/hooks")

ALLOWED_HOOK_HOSTS = {"hooks.slack.com", "api.partner.example"}
STATUS_API = "https://status.example.com/api/v2"


@bp.route("/test", methods=["POST"])
def test_hook():
    url = request.json["url"]
    resp = requests.post(url, json={"ping": True}, timeout=5)  # expect: CWE-918
    return jsonify(status=resp.status_code)


@bp.route("/test/v2", methods=["POST"])
def test_hook_v2():
    url = request.json["url"]
    if urlparse(url).hostname not in ALLOWED_HOOK_HOSTS:
        abort(400)
    resp = requests.post(url, json={"ping": True}, timeout=5)  # safe: CWE-918 host allow-list
    return jsonify(status=resp.status_code)


@bp.route("/region-health")
def region_health():
    region = request.args.get("region", "eu")
    resp = requests.get(f"https://{region}.api.example.com/health", timeout=3)  # expect: CWE-918
    return jsonify(up=resp.ok)


@bp.route("/incident")
def incident():
    number = int(request.args["id"])
    resp = requests.get(f"{STATUS_API}/incidents/{number}", timeout=3)  # safe: CWE-918 constant host, int path
    return jsonify(resp.json())


@bp.route("/cart/import", methods=["POST"])
def import_cart():
    cart = pickle.loads(request.data)  # expect: CWE-502
    return jsonify(items=len(cart))


@bp.route("/cart/import/v2", methods=["POST"])
def import_cart_v2():
    cart = json.loads(request.data)  # safe: CWE-502 json
    return jsonify(items=len(cart))


@bp.route("/cart/restore")
def restore_cart():
    raw = base64.b64decode(request.cookies["cart"])
    cart = pickle.loads(raw)  # expect: CWE-502
    return jsonify(items=len(cart))


@bp.route("/config", methods=["POST"])
def import_config():
    cfg = yaml.load(request.data, Loader=yaml.Loader)  # expect: CWE-502
    return jsonify(keys=sorted(cfg))


@bp.route("/config/v2", methods=["POST"])
def import_config_v2():
    cfg = yaml.safe_load(request.data)  # safe: CWE-502
    other = yaml.load(request.data, Loader=yaml.SafeLoader)  # safe: CWE-502 SafeLoader
    return jsonify(keys=sorted(cfg), same=cfg == other)
