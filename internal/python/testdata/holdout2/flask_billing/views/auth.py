import hashlib
import hmac
import logging
import secrets
from urllib.parse import urlparse

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for

from ..lib.users import UserStore

bp = Blueprint("auth", __name__)
log = logging.getLogger("billing.auth")
store = UserStore()

LANGUAGES = {"en", "de", "fr", "nl"}


def _is_local(target):
    parts = urlparse(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") and "\\" not in target


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    email = request.form["email"]
    user = store.by_email(email)
    if user is None or not store.check_password(user, request.form["password"]):
        log.info("failed login for %s", email.replace("\r", "\\r").replace("\n", "\\n"))  # safe: CWE-117 CR and LF escaped
        flash("Invalid credentials")
        return redirect(url_for("auth.login"))  # safe: CWE-601 url_for target
    session.clear()
    session["user_id"] = user.id  # safe: CWE-501 server-issued identifier
    session["lang"] = request.form.get("lang", "en")  # expect: CWE-501 unchecked client value stored in the session
    nxt = request.args.get("next", "/")
    if not _is_local(nxt):
        nxt = "/"
    resp = redirect(nxt)  # safe: CWE-601 only local paths pass _is_local
    resp.set_cookie("remember_me", store.issue_remember_token(user), max_age=30 * 86400, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004 both flags set
    return resp


@bp.get("/switch-language")
def switch_language():
    lang = request.args.get("lang", "en")
    if lang in LANGUAGES:
        session["lang"] = lang  # safe: CWE-501 checked against LANGUAGES
    return redirect(request.args.get("return_to", "/"))  # expect: CWE-601 any URL accepted


@bp.get("/sso/callback")
def sso_callback():
    state = request.args.get("state", "")
    if not hmac.compare_digest(state, session.pop("sso_state", "")):
        return "state mismatch", 400
    target = request.args.get("target", "/")
    parts = urlparse(target)
    if parts.scheme != "https" or parts.netloc != "billing.example.com":
        target = "/"
    return redirect(target)  # safe: CWE-601 only https URLs on the own host pass


@bp.post("/logout")
def logout():
    session.clear()
    resp = redirect(url_for("auth.login"))
    resp.set_cookie("remember_me", "", expires=0, secure=True, httponly=True)  # safe: CWE-614, CWE-1004 flags set while clearing
    return resp


@bp.post("/password-reset")
def password_reset():
    email = request.form["email"]
    user = store.by_email(email)
    if user is not None:
        reset_token = secrets.token_urlsafe(32)  # safe: CWE-330 secrets module
        store.save_reset(user, hashlib.sha256(reset_token.encode()).hexdigest())  # safe: CWE-328 SHA-256
        store.mail_reset(user, reset_token)
    return render_template("reset_sent.html")


@bp.post("/legacy-login")
def legacy_login():
    user = store.by_email(request.form["email"])
    digest = hashlib.md5(request.form["password"].encode()).hexdigest()  # expect: CWE-328 MD5 password hash
    if user is None or not hmac.compare_digest(digest, user.legacy_hash):
        return render_template("login.html", error="Invalid credentials"), 401
    session["user_id"] = user.id
    return redirect(url_for("invoices.list_invoices"))
