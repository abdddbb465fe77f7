"""OAuth2 login against the corporate identity provider."""
import logging
import secrets
from urllib.parse import urlencode, urlparse

import requests
from flask import Blueprint, abort, current_app, redirect, request, session, url_for

bp = Blueprint("oauth", __name__)
log = logging.getLogger(__name__)
AUTHORIZE_URL = "https://id.example.com/oauth2/authorize"
TOKEN_URL = "https://id.example.com/oauth2/token"
APP_HOSTS = {"", "app.example.com"}


def provider_authorize_url(state):
    query = urlencode({"client_id": current_app.config["OAUTH_CLIENT_ID"], "state": state, "response_type": "code"})
    return f"{AUTHORIZE_URL}?{query}"


@bp.route("/oauth/start")
def start():
    state = secrets.token_urlsafe(24)  # safe: CWE-330 secrets
    session["oauth_state"] = state  # safe: CWE-501 server value
    session["oauth_next"] = request.args.get("next", "/")  # expect: CWE-501
    return redirect(provider_authorize_url(state))  # safe: CWE-601 provider URL built by the server


@bp.route("/oauth/callback")
def callback():
    if request.args.get("state") != session.pop("oauth_state", None):
        abort(400)
    code = request.args.get("code", "")
    data = {"code": code, "grant_type": "authorization_code", "client_id": current_app.config["OAUTH_CLIENT_ID"], "client_secret": current_app.config["OAUTH_CLIENT_SECRET"]}
    tok = requests.post(TOKEN_URL, data=data, timeout=10)  # safe: CWE-918 constant URL
    tok.raise_for_status()
    session["access"] = tok.json()["access_token"]
    nxt = session.pop("oauth_next", "/")
    if urlparse(nxt).netloc not in APP_HOSTS:
        nxt = "/"
    return redirect(nxt)  # safe: CWE-601 netloc allow-list


@bp.route("/oauth/logout")
def logout():
    session.clear()
    return redirect(request.args.get("return_url", url_for("views.index")))  # expect: CWE-601


@bp.route("/oauth/link")
def link_account():
    return_url = request.args.get("return_url", "")
    if return_url.startswith("https://app.example.com"):  # expect: CWE-20
        return redirect(return_url)  # expect: CWE-601
    return redirect(url_for("views.index"))  # safe: CWE-601 url_for


@bp.route("/oauth/link-v2")
def link_account_v2():
    return_url = request.args.get("return_url", "")
    if urlparse(return_url).hostname == "app.example.com":  # safe: CWE-20 exact hostname
        return redirect(return_url)  # safe: CWE-601 exact host check
    return redirect(url_for("views.index"))
