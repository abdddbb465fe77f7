"""Sign-in, preferences and the post-login redirect."""
import json
import logging
from urllib.parse import quote, urlparse

from flask import Blueprint, current_app, flash, redirect, request, session, url_for

from lib.sanitize import clip, one_line

from .auth import check_password, load_user

bp = Blueprint("account", __name__, url_prefix="/account")
log = logging.getLogger("shop.account")
ALLOWED_LANGS = {"en", "de", "fr", "nl"}
ALLOWED_REDIRECT_HOSTS = {"shop.example.com", "help.example.com"}


def _next_url(default="/"):
    target = request.args.get("next") or request.form.get("next") or default
    parts = urlparse(target)
    if parts.scheme != "https" or parts.netloc not in ALLOWED_REDIRECT_HOSTS:
        return default
    return target


@bp.post("/login")
def login():
    form = request.form
    username = form.get("username", "")
    user = load_user(username)
    if user is None or not check_password(user, form.get("password", "")):
        log.warning("failed login for %s", username)  # expect: CWE-117
        log.warning("failed login for %s", one_line(username))  # safe: CWE-117 one_line removes CR/LF
        flash("Wrong username or password")
        return redirect(url_for("account.login_form"))  # safe: CWE-601 url_for target
    session.clear()
    session["user_id"] = user.id  # safe: CWE-501 id issued by the server
    session["display_name"] = form.get("display_name") or user.name  # expect: CWE-501
    log.info("login ok for %s", clip(username))  # expect: CWE-117 clip only truncates
    return redirect(_next_url())  # safe: CWE-601 netloc allow-list in _next_url


@bp.get("/continue")
def continue_to():
    target = request.args.get("to", "/")
    return redirect(quote(target))  # expect: CWE-601 quote keeps "//host" intact


@bp.get("/profile/<username>")
def profile_redirect(username):
    return redirect(f"/u/{username}")  # safe: CWE-601 fixed path prefix


@bp.get("/lang")
def set_lang():
    lang = request.args.get("lang", "en")
    session["lang"] = lang if lang in ALLOWED_LANGS else "en"  # safe: CWE-501 allow-listed
    return redirect(url_for("catalog.search"))


@bp.get("/lang/raw")
def set_lang_raw():
    session["lang"] = request.args.get("lang", "en")  # expect: CWE-501
    return redirect(url_for("catalog.search"))


@bp.post("/remember")
def remember():
    token = current_app.extensions["remember"].issue(session.get("user_id"))
    resp = redirect(url_for("catalog.search"))
    resp.set_cookie("remember_token", token, max_age=30 * 86400)  # expect: CWE-614, CWE-1004
    return resp


@bp.post("/remember/v2")
def remember_v2():
    token = current_app.extensions["remember"].issue(session.get("user_id"))
    resp = redirect(url_for("catalog.search"))
    resp.set_cookie("remember_token", token, max_age=30 * 86400, secure=True, httponly=True, samesite="Strict")  # safe: CWE-614, CWE-1004 both flags set
    return resp


@bp.post("/remember/v3")
def remember_v3():
    token = current_app.extensions["remember"].issue(session.get("user_id"))
    resp = redirect(url_for("catalog.search"))
    resp.set_cookie("remember_token", token, secure=True)  # expect: CWE-1004
    resp.delete_cookie("legacy_remember")  # safe: CWE-614, CWE-1004 deleting a cookie
    return resp


@bp.post("/preferences")
def preferences():
    prefs = request.get_json(silent=True) or {}
    theme = prefs.get("theme", "light")
    page_size = int(prefs.get("page_size", 24))
    session["page_size"] = page_size  # safe: CWE-501 converted to int
    session["theme"] = theme  # expect: CWE-501
    log.debug("prefs for user %s: %s", session.get("user_id"), json.dumps(prefs))  # safe: CWE-117 json.dumps escapes line breaks
    return {"ok": True, "page_size": page_size}
