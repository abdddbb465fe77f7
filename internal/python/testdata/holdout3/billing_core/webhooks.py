"""Payment provider webhooks."""
import base64
import hashlib
import hmac
import json
import os
import pickle

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("hooks", __name__)
WEBHOOK_SECRET = os.environ.get("PAYMENT_WEBHOOK_SECRET", "").encode()


def _verify(body, signature):
    mac = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, signature or "")


@bp.route("/payments", methods=["POST"])
def payments():
    if not _verify(request.data, request.headers.get("X-Signature")):
        abort(403)
    event = json.loads(request.data)  # safe: CWE-502 JSON
    return jsonify(received=event.get("id"))


@bp.route("/legacy-payments", methods=["POST"])
def legacy_payments():
    envelope = request.get_json(force=True)
    blob = base64.b64decode(envelope["payload"])
    event = pickle.loads(blob)  # expect: CWE-502 pickle from the request body
    return jsonify(received=str(event.get("id")))

