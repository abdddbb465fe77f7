"""Login and logout for the billing back office."""
import logging
import secrets

from flask import Blueprint, jsonify, make_response, redirect, request, session, url_for
from werkzeug.security import check_password_hash

from .db import get_conn

bp = Blueprint("auth", __name__)
log = logging.getLogger("billing.auth")

BATCH_ACCOUNT = "billing-batch"
BATCH_PASSWORD = "batchjobs2019"  # expect: CWE-259 password literal
PASSWORD_HINT = "Use at least twelve characters"  # safe: CWE-259 a message, not a password
LANGUAGES = {"en", "de", "fr"}


def _lookup(username):
    cur = get_conn().cursor()
    cur.execute("SELECT id, pw_hash FROM staff WHERE username = %s", (username,))  # safe: CWE-89 parameterised
    return cur.fetchone()


@bp.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    row = _lookup(username)
    if row is None or not check_password_hash(row[1], request.form["password"]):
        log.info("failed login for %r", username)  # safe: CWE-117 repr
        return jsonify(error="invalid credentials"), 401
    session["user_id"] = int(row[0])  # safe: CWE-501 server-issued integer
    session["display_name"] = request.form.get("display_name", username)  # expect: CWE-501 client text stored in the session
    lang = request.form.get("lang", "en")
    session["lang"] = lang if lang in LANGUAGES else "en"  # safe: CWE-501 allow-listed
    resp = make_response(redirect(url_for("invoices.search")))
    resp.set_cookie("last_login_user", username, secure=True, httponly=True)  # expect: CWE-20 client-chosen cookie value
    resp.set_cookie("device_hint", secrets.token_hex(8))  # expect: CWE-614, CWE-1004 no flags
    return resp


@bp.route("/batch-login", methods=["POST"])
def batch_login():
    if request.form.get("password") != BATCH_PASSWORD:
        return jsonify(error="denied"), 403
    session["user_id"] = 0  # safe: CWE-501 constant
    return jsonify(ok=True)


@bp.route("/logout")
def logout():
    session.clear()
    resp = make_response(redirect("/"))
    resp.set_cookie("last_login_user", "", expires=0, secure=True, httponly=True)  # safe: CWE-614, CWE-1004 both flags
    return resp
