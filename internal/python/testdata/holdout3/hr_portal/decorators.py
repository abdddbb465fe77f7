"""View decorators: auditing and error handling."""
import functools
import json
import logging

from flask import jsonify, request

audit = logging.getLogger("hr.audit")
log = logging.getLogger("hr")


def audited(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        actor = request.headers.get("X-Actor", "anonymous")
        audit.info("actor=%s view=%s", actor, view.__name__)  # expect: CWE-117 header logged by a decorator
        return view(*args, **kwargs)

    return wrapper


def audited_v2(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        actor = request.headers.get("X-Actor", "anonymous")
        audit.info("actor=%s view=%s", json.dumps(actor), view.__name__)  # safe: CWE-117 json.dumps
        return view(*args, **kwargs)

    return wrapper


def json_errors(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except Exception as exc:
            return jsonify(error=str(exc)), 500  # expect: CWE-209 exception text returned by a decorator

    return wrapper


def json_errors_v2(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except Exception as exc:
            log.exception("view %s failed", view.__name__)
            return jsonify(error="internal error", kind=type(exc).__name__), 500  # safe: CWE-209 class name only

    return wrapper
