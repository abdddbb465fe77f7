"""Validators written as functions narrow what they check, where they return true."""
from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)
HOSTS = {"docs.example.com", "status.example.com"}


def is_docs_link(url):
    return url.startswith("https://docs.example.com/")


def loose_docs_link(url):
    return url.startswith("https://docs.example.com")


def known_host(url):
    if not url:
        return False
    host = urlparse(url).hostname
    if host not in HOSTS:
        return False
    return True


def rebinding_check(url):
    url = "https://docs.example.com/"
    return url.startswith("https://docs.example.com/")


class Links:
    def allowed(self, url):
        return url.startswith("https://status.example.com/")


@app.get("/docs")
def docs():
    target = request.args.get("to", "")
    if is_docs_link(target):
        return redirect(target)  # safe: fixed scheme and host
    if loose_docs_link(target):
        return redirect(target)  # want: PP207
    return redirect("/help/")


@app.get("/go")
def go():
    target = request.args.get("to", "")
    if not known_host(target):
        abort(400)
    return redirect(target)  # safe: host allow-listed by the helper


@app.get("/go2")
def go2():
    target = request.args.get("to", "")
    if rebinding_check(target):
        return redirect(target)  # want: PP207
    return "no"


@app.get("/status")
def status():
    target = request.args.get("to", "")
    if Links().allowed(target):
        return redirect(target)  # safe: checked by the method
    return redirect(target)  # want: PP207
