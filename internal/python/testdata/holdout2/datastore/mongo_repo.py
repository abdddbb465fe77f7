"""Event store on MongoDB."""
import json
import logging
import os

from bson import ObjectId
from flask import Blueprint, abort, jsonify, request
from pymongo import MongoClient

bp = Blueprint("events", __name__)
log = logging.getLogger("events")
_client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
events = _client["telemetry"]["events"]
accounts = _client["telemetry"]["accounts"]

FILTERABLE = {"kind", "source", "severity"}


@bp.post("/events/search")
def search():
    body = request.get_json()
    docs = events.find(body["filter"]).limit(100)  # expect: CWE-943 client-supplied filter document
    return jsonify([str(d["_id"]) for d in docs])


@bp.get("/events/by")
def by_field():
    field = request.args.get("field", "kind")
    value = request.args.get("value", "")
    if field not in FILTERABLE:
        abort(400)
    docs = events.find({field: str(value)}).limit(100)  # safe: CWE-943 allow-listed field, scalar string value
    return jsonify([str(d["_id"]) for d in docs])


@bp.get("/events/<oid>")
def get_event(oid):
    try:
        doc = events.find_one({"_id": ObjectId(oid)})  # safe: CWE-943 ObjectId conversion
    except Exception:
        abort(404)
    return jsonify(kind=doc["kind"]) if doc else abort(404)


@bp.get("/events/slow")
def slow_events():
    threshold = request.args.get("ms", "1000")
    docs = events.find({"$where": "this.duration_ms > " + threshold})  # expect: CWE-943 JavaScript $where from the query string
    return jsonify([str(d["_id"]) for d in docs])


@bp.get("/events/slow-v2")
def slow_events_v2():
    threshold = int(request.args.get("ms", "1000"))
    docs = events.find({"duration_ms": {"$gt": threshold}})  # safe: CWE-943 int and a fixed operator
    return jsonify([str(d["_id"]) for d in docs])


@bp.post("/accounts/login")
def login():
    data = request.get_json()
    acct = accounts.find_one({"user": data["user"], "api_secret_hash": data["secret_hash"]})  # expect: CWE-943 JSON values may be operator objects such as {"$ne": ""}
    return jsonify(ok=acct is not None)


@bp.post("/accounts/login-v2")
def login_v2():
    data = request.get_json()
    acct = accounts.find_one({"user": str(data["user"]), "api_secret_hash": str(data["secret_hash"])})  # safe: CWE-943 coerced to strings
    return jsonify(ok=acct is not None)


@bp.post("/events/aggregate")
def aggregate():
    stages = json.loads(request.form["pipeline"])
    out = list(events.aggregate(stages))  # expect: CWE-943 client pipeline
    return jsonify(count=len(out))
