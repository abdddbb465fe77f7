"""Flask session and cookie handling for the self-service portal."""
import hashlib
import logging
import os
import secrets

from flask import Blueprint, jsonify, make_response, request, session

bp = Blueprint("sessions", __name__)
log = logging.getLogger("authkit.sessions")


@bp.route("/remember", methods=["POST"])
def remember():
    password = request.form["password"]
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("saved_pw", password, secure=True, httponly=True)  # expect: CWE-312, CWE-20 password kept in a cookie
    return resp


@bp.route("/profile", methods=["POST"])
def profile():
    data = request.get_json()
    prefs = {"theme": "light", "tz": "UTC"}
    prefs["nickname"] = data.get("nickname", "")
    session["theme"] = prefs["theme"]  # safe: CWE-501 other key of the dict holds a constant
    session["nickname"] = prefs["nickname"]  # expect: CWE-501
    return jsonify(ok=True)


@bp.route("/api-key", methods=["POST"])
def rotate_api_key():
    api_key = request.form["current_key"]
    log.warning("rotating key %s", api_key)  # expect: CWE-532, CWE-117 the key itself is logged
    log.warning("rotating key ending %s", api_key[-4:].replace("\r", "").replace("\n", ""))  # safe: CWE-117, CWE-532 line breaks removed, only the last four characters
    return jsonify(ok=True)


@bp.route("/remember-device", methods=["POST"])
def remember_device():
    remember_token = secrets.token_urlsafe(32)
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("remember_token", remember_token, secure=True, httponly=True, samesite="Lax")  # safe: CWE-312, CWE-614, CWE-1004 remember-me token belongs in a cookie
    return resp


def export_password_hashes(path, username, password):
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    with open(path, "a") as fh:
        fh.write(f"{username}:{salt.hex()}:{digest.hex()}\n")  # safe: CWE-312 only a salted hash is written


def export_credentials(path, username, password):
    with open(path, "w") as fh:
        fh.write(f"{username}:{password}\n")  # expect: CWE-312 password written in clear text
