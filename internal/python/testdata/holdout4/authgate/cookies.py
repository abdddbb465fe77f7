"""Cookie helpers shared by the login and preferences views."""
import json
import secrets


def issue_remember_token(user):
    return f"{user.id}.{secrets.token_urlsafe(32)}"


def remember_me(resp, user):
    resp.set_cookie("remember_token", issue_remember_token(user), max_age=30 * 86400, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004, CWE-312 flags set, token not a password
    return resp


def set_ui_prefs(resp, prefs):
    resp.set_cookie("ui_prefs", json.dumps(prefs), max_age=365 * 86400)  # expect: CWE-614, CWE-1004
    return resp


def set_beta_flag(resp):
    resp.set_cookie("beta", "1", secure=True, samesite="Strict")  # expect: CWE-1004
    return resp


def set_consent(resp):
    resp.set_cookie("consent", "v2", secure=True, httponly=True, samesite="Lax")  # safe: CWE-614, CWE-1004
    return resp


def cache_password_for_sso(resp, password):
    resp.set_cookie("sso_pw", password, secure=True, httponly=True)  # expect: CWE-312
    return resp
