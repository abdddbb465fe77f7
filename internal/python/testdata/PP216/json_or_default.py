"""Request JSON with a fallback dict still carries the client's values."""
from flask import Blueprint, request, session

bp = Blueprint("prefs", __name__)


@bp.post("/preferences")
def preferences():
    prefs = request.get_json(silent=True) or {}
    session["page_size"] = int(prefs.get("page_size", 24))  # safe look-alike: converted to int
    session["theme"] = prefs.get("theme", "light")  # want: PP216
    return {"ok": True}
