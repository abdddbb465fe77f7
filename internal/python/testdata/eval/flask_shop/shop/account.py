"""Sign-in, sign-out and account preferences."""
import logging
import secrets
from urllib.parse import urlparse

from flask import Blueprint, abort, jsonify, make_response, redirect, request, session, url_for

from . import db
from .security import check_password, is_safe_redirect

log = logging.getLogger(__name__)
bp = Blueprint("account", __name__, url_prefix="/account")

THEMES = {"light", "dark", "contrast"}


@bp.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    user = db.get_user(username)
    if user is None or not check_password(user, password):
        log.warning(f"failed login for {username}")  # expect: CWE-117
        abort(401)
    session["user_id"] = user["id"]  # safe: CWE-501 value comes from the database
    return redirect(request.args.get("next", "/"))  # expect: CWE-601


@bp.route("/login/v2", methods=["POST"])
def login_v2():
    user = db.get_user(request.form["username"])
    if user is None or not check_password(user, request.form["password"]):
        log.warning("failed login")
        abort(401)
    session["user_id"] = user["id"]
    target = request.args.get("next", "")
    if not is_safe_redirect(target):
        target = url_for("catalog.search")
    return redirect(target)  # safe: CWE-601 validated by host allow-list


@bp.route("/continue")
def continue_to():
    target = request.args.get("to", "")
    parts = urlparse(target)
    if parts.scheme != "https" or parts.netloc != "help.example.com":
        abort(400)
    return redirect(target)  # safe: CWE-601 netloc check


@bp.route("/impersonate", methods=["POST"])
def impersonate():
    session["user_id"] = request.form["user_id"]  # expect: CWE-501
    return jsonify(ok=True)


@bp.route("/role", methods=["POST"])
def set_role():
    body = request.get_json()
    session["role"] = body["role"]  # expect: CWE-501
    return jsonify(ok=True)


@bp.route("/prefs", methods=["POST"])
def prefs():
    theme = request.form.get("theme", "light")
    if theme in THEMES:
        session["theme"] = theme  # safe: CWE-501 allow-listed
    session["page_size"] = int(request.form.get("page_size", "20"))  # safe: CWE-501 int()
    return redirect(url_for("account.profile"))  # safe: CWE-601


@bp.route("/profile")
def profile():
    return jsonify(user_id=session.get("user_id"), theme=session.get("theme", "light"))


@bp.route("/remember", methods=["POST"])
def remember():
    token = secrets.token_urlsafe(32)
    resp = make_response(redirect(url_for("account.profile")))
    resp.set_cookie("remember_token", token, max_age=30 * 86400)  # expect: CWE-614, CWE-1004
    return resp


@bp.route("/remember/v2", methods=["POST"])
def remember_v2():
    token = secrets.token_urlsafe(32)
    resp = make_response(redirect(url_for("account.profile")))
    resp.set_cookie("remember_token", token, max_age=30 * 86400, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004
    return resp


@bp.route("/session-hint", methods=["POST"])
def session_hint():
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("sid_hint", secrets.token_hex(8), secure=True)  # expect: CWE-1004
    resp.set_cookie("auth_state", secrets.token_hex(16), httponly=True)  # expect: CWE-614
    return resp


@bp.route("/logout", methods=["POST"])
def logout():
    session.clear()
    resp = make_response(redirect(url_for("catalog.search")))
    resp.delete_cookie("remember_token")
    return resp
