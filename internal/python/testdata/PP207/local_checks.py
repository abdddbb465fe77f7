"""Redirect targets checked by the application's own helpers."""
from flask import Blueprint, redirect, request

bp = Blueprint("auth", __name__)


def _is_local(url):
    return url.startswith("/") and not url.startswith("//") and "\\" not in url


@bp.post("/login")
def login():
    nxt = request.args.get("next", "/")
    if not _is_local(nxt):
        nxt = "/"
    return redirect(nxt)  # safe look-alike: only local paths pass


@bp.post("/login/v2")
def login_v2():
    nxt = request.args.get("next", "/")
    if nxt.startswith("https://app.example.com/"):
        return redirect(nxt)  # safe look-alike: anchored to the site's own host
    return redirect(nxt)  # want: PP207
