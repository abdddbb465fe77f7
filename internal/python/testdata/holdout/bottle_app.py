"""Bottle micro-site for the community wiki."""
import os

from bottle import Bottle, redirect, request, response, run, static_file, template

app = Bottle()
COOKIE_SECRET = os.environ["WIKI_COOKIE_SECRET"]
STATIC_ROOT = "/srv/wiki/static"


@app.get("/search")
def search():
    q = request.query.q
    return template("<p>Results for " + q + "</p>")  # expect: CWE-1336


@app.get("/search/v2")
def search_v2():
    return template("<p>Results for {{q}}</p>", q=request.query.q)  # safe: CWE-1336, CWE-79 constant template, escaped variable


@app.get("/static/<filename:path>")
def assets(filename):
    return static_file(filename, root=STATIC_ROOT)  # safe: CWE-22 static_file keeps the path under root


@app.get("/raw/<filename:path>")
def raw(filename):
    with open(STATIC_ROOT + "/" + filename) as fh:  # expect: CWE-22
        return fh.read()


@app.post("/login")
def login():
    user = request.forms.get("user")
    response.set_cookie("account", user, secret=COOKIE_SECRET)  # expect: CWE-614, CWE-1004
    response.set_cookie("account_v2", user, secret=COOKIE_SECRET, secure=True, httponly=True)  # safe: CWE-614, CWE-1004 both flags set
    return "ok"


@app.get("/out")
def out():
    redirect(request.query.get("to", "/"))  # expect: CWE-601


@app.get("/page/<name>")
def page(name):
    redirect("/wiki/" + name)  # safe: CWE-601 fixed path prefix


if __name__ == "__main__":
    run(app, host="0.0.0.0", port=8080, debug=True)  # expect: CWE-605, CWE-489
