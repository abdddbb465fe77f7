import logging
import traceback

from flask import Blueprint, current_app, jsonify, request

from .extensions import User

bp = Blueprint("api", __name__, url_prefix="/api")
log = logging.getLogger(__name__)


class LookupError_(Exception):
    pass


def _find(email):
    user = User.query.filter_by(email=email).first()
    if user is None:
        raise LookupError_(f"no user with email {email}")
    return user


@bp.route("/users/lookup")
def lookup():
    try:
        user = _find(request.args.get("email", ""))
    except LookupError_:
        return jsonify(error="not found"), 404  # safe: CWE-209 generic
    except Exception as e:
        return jsonify(error=str(e)), 500  # expect: CWE-209
    return jsonify(id=user.id)


@bp.route("/users/export")
def export():
    try:
        rows = [{"id": u.id, "email": u.email} for u in User.query.limit(1000)]
    except Exception:
        detail = traceback.format_exc()
        current_app.logger.error("export failed: %s", detail)
        return jsonify(error="export failed"), 500  # safe: CWE-209 trace logged, not returned
    return jsonify(rows)


@bp.route("/users/import", methods=["POST"])
def import_users():
    try:
        count = len(request.get_json(force=True))
    except Exception as exc:
        log.warning("bad import payload: %r", exc)
        return jsonify(error="invalid JSON", kind=type(exc).__name__), 400  # safe: CWE-209 only the class name
    return jsonify(received=count)
