"""Account settings service (single-module Flask app)."""
import logging
import os
import re
import traceback
from urllib.parse import urlparse

from flask import Flask, jsonify, make_response, redirect, request, session
from werkzeug.debug import DebuggedApplication

app = Flask(__name__)
app.secret_key = "acct-svc-secret-2f8e61c0"  # expect: CWE-798 Flask signing key committed
log = logging.getLogger("account")

TRUSTED_HOSTS = {"app.example.com", "account.example.com"}


@app.post("/prefs/currency")
def currency():
    cur = request.form.get("currency", "EUR")
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("currency", cur, secure=True, httponly=True, samesite="Lax")  # expect: CWE-20 client-chosen cookie value
    return resp


@app.post("/prefs/tz")
def timezone():
    tz = request.form.get("tz", "UTC")
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("tz", "UTC" if tz not in {"UTC", "Europe/Berlin", "America/New_York"} else tz, secure=True, httponly=True)  # safe: CWE-20, CWE-614, CWE-1004 allow-listed value, both flags
    return resp


@app.post("/session/remember")
def remember():
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("sid_hint", os.urandom(8).hex(), secure=True)  # expect: CWE-1004 no HttpOnly
    return resp


@app.post("/session/remember-legacy")
def remember_legacy():
    password = request.form["password"]
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("saved_password", password, secure=True, httponly=True)  # expect: CWE-312, CWE-20 password kept in a cookie
    return resp


@app.get("/continue")
def continue_to():
    url = request.args.get("url", "/")
    if "example.com" in url:  # expect: CWE-20 substring check passes evil-example.com and ?example.com
        return redirect(url)  # expect: CWE-601 the substring check does not constrain the host
    return redirect("/")


@app.get("/continue-v2")
def continue_v2():
    url = request.args.get("url", "/")
    if urlparse(url).hostname in TRUSTED_HOSTS:
        return redirect(url)  # safe: CWE-601 exact host allow-list
    return redirect("/")


@app.get("/continue-v3")
def continue_v3():
    url = request.args.get("url", "/")
    if url.startswith("https://app.example.com/"):
        return redirect(url)  # safe: CWE-601, CWE-20 anchored prefix with a trailing slash
    return redirect("/")


@app.post("/profile/bio")
def bio():
    text = request.form.get("bio", "")
    cleaned = re.sub(r"<script[^>]*>.*?</script>", "", text, flags=re.I | re.S)  # expect: CWE-116 regex HTML filter
    return jsonify(bio=cleaned)


@app.post("/profile/save")
def save_profile():
    try:
        _persist(request.get_json())
    except Exception as exc:
        return f"could not save profile: {exc}", 500  # expect: CWE-209 exception text in the response
    return jsonify(ok=True)


def _persist(data):
    if not isinstance(data, dict):
        raise ValueError("expected an object")


app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)  # expect: CWE-489 interactive Werkzeug console on every error page


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5001, debug=True)  # expect: CWE-605, CWE-489 public bind with the debugger
