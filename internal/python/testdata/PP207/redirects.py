from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login")
def login():
    nxt = request.args.get("next", "/")
    return redirect(nxt)  # want: PP207


@app.route("/login-safe")
def login_safe():
    nxt = request.args.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={"example.com"}):
        nxt = "/"
    return redirect(nxt)  # safe: checked


@app.route("/go")
def go():
    target = request.args["to"]
    if urlparse(target).netloc:
        return redirect(url_for("index"))
    return redirect(target)  # safe: relative only


@app.route("/profile")
def profile():
    return redirect("/users/" + request.args["id"])  # safe: constant first path segment


@app.route("/slash")
def slash():
    return redirect("/" + request.args["path"])  # want: PP207


def django_view(request):
    return HttpResponseRedirect(request.GET["next"])  # want: PP207
