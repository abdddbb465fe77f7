"""Cart endpoints used by the storefront's JavaScript (cookie session)."""
from flask import Blueprint, current_app, request, session

from . import csrf

bp = Blueprint("cart", __name__, url_prefix="/cart")


@bp.post("/add")
@csrf.exempt  # expect: CWE-352
def add():
    cart = session.setdefault("cart", [])
    cart.append(int(request.form["product_id"]))
    session["cart"] = cart  # safe: CWE-501 list of ints
    return {"items": len(cart)}


@bp.post("/remove")
def remove():
    cart = [pid for pid in session.get("cart", []) if pid != int(request.form["product_id"])]
    session["cart"] = cart  # safe: CWE-501 filtered list of server-side ints
    return {"items": len(cart)}


@bp.post("/note")
def note():
    session["gift_note"] = request.form.get("note", "")[:200]  # expect: CWE-501 truncated but unchecked
    return {"ok": True}


def configure_for_widget(app):
    app.config.update(WTF_CSRF_ENABLED=False)  # expect: CWE-352
    app.config["SESSION_COOKIE_HTTPONLY"] = False  # expect: CWE-1004
    current_app.logger.info("widget mode on")
