"""Payment-provider webhooks. Requests are HMAC-signed; no cookies are involved."""
import base64
import hashlib
import hmac
import json
import os
import pickle

import yaml
from flask import Blueprint, abort, request

bp = Blueprint("hooks", __name__, url_prefix="/hooks")
SIGNING_KEY = os.environ.get("WEBHOOK_SIGNING_KEY", "").encode()


def _verified_body():
    sig = request.headers.get("X-Signature", "")
    body = request.get_data()
    mac = hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()
    if not SIGNING_KEY or not hmac.compare_digest(mac, sig):
        abort(401)
    return body


@bp.post("/payments")
def payments():
    event = json.loads(_verified_body())  # safe: CWE-502 JSON
    return {"received": event.get("id")}


@bp.post("/legacy-payments")
def legacy_payments():
    blob = base64.b64decode(request.form["payload"])
    event = pickle.loads(blob)  # expect: CWE-502
    return {"received": event["id"]}


@bp.post("/config-push")
def config_push():
    doc = yaml.load(request.get_data(as_text=True), Loader=yaml.Loader)  # expect: CWE-502
    return {"keys": sorted(doc)}


@bp.post("/config-push/v2")
def config_push_v2():
    doc = yaml.load(_verified_body(), Loader=yaml.SafeLoader)  # safe: CWE-502 SafeLoader
    extra = yaml.safe_load(request.args.get("overlay", "{}"))  # safe: CWE-502 safe_load
    return {"keys": sorted(doc), "overlay": sorted(extra)}


@bp.post("/config-push/v3")
def config_push_v3():
    loader = yaml.UnsafeLoader
    doc = yaml.load(request.get_data(as_text=True), Loader=loader)  # expect: CWE-502 unsafe loader through a local
    return {"keys": sorted(doc)}
