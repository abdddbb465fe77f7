"""Outbound webhooks registered by API clients."""
from urllib.parse import urlparse

import requests
from flask import Blueprint, jsonify, request

bp = Blueprint("relay", __name__)
REGISTERED_HOSTS = {"hooks.customer-a.example", "events.customer-b.example"}


def make_sender(base_headers):
    sent = 0

    def send(url, payload):
        nonlocal sent
        sent += 1
        return requests.post(url, json=payload, headers=base_headers, timeout=10)  # expect: CWE-918 callback URL registered by the client, via a closure

    return send


sender = make_sender({"User-Agent": "relay/1.0"})


@bp.route("/subscriptions", methods=["POST"])
def subscribe():
    body = request.get_json()
    resp = sender(body["callback_url"], {"event": "subscription.created"})
    return jsonify(status=resp.status_code)


@bp.route("/subscriptions/v2", methods=["POST"])
def subscribe_v2():
    callback = request.get_json()["callback_url"]
    parts = urlparse(callback)
    if parts.scheme != "https" or parts.hostname not in REGISTERED_HOSTS:
        return jsonify(error="callback host not registered"), 400
    resp = requests.post(callback, json={"event": "subscription.created"}, timeout=10)  # safe: CWE-918 scheme and host allow-listed
    return jsonify(status=resp.status_code)
