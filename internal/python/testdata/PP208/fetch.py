from urllib.parse import quote
from urllib.request import urlopen

import requests
from flask import Flask, request

app = Flask(__name__)
ALLOWED = {"api.github.com", "api.example.com"}


@app.route("/proxy")
def proxy():
    url = request.args["url"]
    return requests.get(url, timeout=5).text  # want: PP208


@app.route("/proxy-safe")
def proxy_safe():
    path = request.args["path"]
    return requests.get("https://api.example.com/v1/" + quote(path), timeout=5).text  # safe: fixed host


@app.route("/fetch")
def fetch():
    return urlopen(request.args["u"]).read()  # want: PP208


@app.route("/session")
def session_fetch():
    s = requests.Session()
    return s.get(request.args["u"]).text  # want: PP208


@app.route("/checked")
def checked():
    from urllib.parse import urlparse
    url = request.args["u"]
    if urlparse(url).hostname not in ALLOWED:
        return "no", 400
    return requests.get(url, timeout=5).text  # safe: the host is allow-listed
