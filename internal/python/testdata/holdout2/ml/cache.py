"""Feature cache shared between the API and the nightly trainer."""
import marshal
import shelve

from flask import Blueprint, jsonify, request

bp = Blueprint("feature_cache", __name__)


@bp.post("/features/compiled")
def compiled():
    code = marshal.loads(request.get_data())  # expect: CWE-502 marshal of request bytes
    return jsonify(kind=type(code).__name__)


@bp.get("/features/<int:user_id>")
def features(user_id):
    with shelve.open("/var/lib/features/cache.db", flag="r") as db:  # safe: CWE-502 fixed server-owned cache file
        return jsonify(db.get(str(user_id), {}))
