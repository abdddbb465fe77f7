"""URL checks: a scheme check fixes nothing; an anchored host prefix does."""
import urllib.request
from urllib.parse import urlparse

import requests
from flask import Blueprint, abort, redirect, request

bp = Blueprint("feeds", __name__)


@bp.get("/import-feed")
def import_feed():
    feed = request.args["feed"]
    if urlparse(feed).scheme not in ("http", "https"):
        abort(400)
    with urllib.request.urlopen(feed, timeout=10) as r:  # want: PP208
        return {"bytes": len(r.read())}


@bp.get("/import-feed/v2")
def import_feed_v2():
    feed = request.args["feed"]
    if not feed.startswith("https://feeds.example.com/"):
        abort(400)
    return requests.get(feed, timeout=10).text  # safe look-alike: anchored to a fixed host


@bp.get("/import-feed/v3")
def import_feed_v3():
    feed = request.args["feed"]
    if not feed.startswith("https://feeds.example.com"):
        abort(400)
    return requests.get(feed, timeout=10).text  # want: PP208
