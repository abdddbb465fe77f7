"""Link previews for the chat app: fetch a page and pull its title."""
import re

import requests
import urllib3
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
http = urllib3.PoolManager()
TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)


@app.route("/preview")
def preview():
    url = request.args["url"]
    page = requests.get(url, timeout=5, allow_redirects=False)  # expect: CWE-918
    m = TITLE.search(page.text)  # safe: CWE-730 constant pattern
    return jsonify(title=m.group(1) if m else None)


@app.route("/preview/v2")
def preview_v2():
    url = request.args["url"]
    resp = http.request("GET", url, timeout=5.0)  # expect: CWE-918
    return jsonify(size=len(resp.data))


@app.route("/preview/v3")
def preview_v3():
    url = request.args["url"]
    resp = requests.request("HEAD", url, timeout=5)  # expect: CWE-918
    return jsonify(type=resp.headers.get("Content-Type"))


@app.route("/oembed")
def oembed():
    provider = request.args.get("provider", "")
    endpoints = {"youtube": "https://www.youtube.com/oembed", "vimeo": "https://vimeo.com/api/oembed.json"}
    if provider not in endpoints:
        abort(400)
    resp = requests.get(endpoints[provider], params={"url": request.args["url"]}, timeout=5)  # safe: CWE-918 endpoint from a constant table
    return jsonify(resp.json())


@app.route("/avatar")
def avatar():
    user = request.args["user"]
    resp = requests.get("https://avatars.example.com/u/" + str(int(user)) + ".png", timeout=5)  # safe: CWE-918 int path
    return jsonify(size=len(resp.content))
