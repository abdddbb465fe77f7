"""Log lines: %r and numeric conversions cannot carry a line break."""
import logging

from flask import Blueprint, request

log = logging.getLogger(__name__)
bp = Blueprint("admin", __name__)


@bp.post("/reindex")
def reindex():
    index = request.form.get("index", "")
    log.info("reindex queued for %r", index)  # safe look-alike: repr() escapes CR and LF
    log.info("reindex queued for %s", index)  # want: PP211
    log.warning("batch %d of %s", request.form.get("n"), "all")  # safe look-alike: %d needs a number
    log.warning("%s: batch %d", request.form.get("who"), 3)  # want: PP211
    log.info("%(who)s asked", {"who": request.form.get("who")})  # want: PP211
    return "ok"
