import hashlib
import os
import sqlite3

from bottle import Bottle, abort, redirect, request, response, run, static_file, template

app = Bottle()
DB = os.environ.get("GUESTBOOK_DB", "/var/lib/guestbook.db")
STATIC_ROOT = "/srv/guestbook/static"


@app.get("/static/<filepath:path>")
def static(filepath):
    return static_file(filepath, root=STATIC_ROOT)  # safe: CWE-22 static_file keeps paths under root


@app.get("/download")
def download():
    name = request.query.get("name", "")
    with open(os.path.join(STATIC_ROOT, "downloads", name), "rb") as fh:  # expect: CWE-22 query parameter in the path
        return fh.read()


@app.post("/sign")
def sign():
    author = request.forms.get("author", "")
    message = request.forms.get("message", "")
    with sqlite3.connect(DB) as conn:
        conn.execute("INSERT INTO entries (author, message) VALUES (?, ?)", (author, message))  # safe: CWE-89 placeholders
    redirect("/")  # safe: CWE-601 constant


@app.get("/entries")
def entries():
    author = request.query.get("author", "")
    with sqlite3.connect(DB) as conn:
        rows = conn.execute("SELECT message FROM entries WHERE author LIKE '%" + author + "%'").fetchall()  # expect: CWE-89 author concatenated
    return template("<ul>% for r in rows:\n<li>{{r[0]}}</li>\n% end\n</ul>", rows=rows)  # safe: CWE-1336, CWE-79 constant template, {{ }} escapes


@app.get("/hello")
def hello():
    name = request.query.get("name", "")
    return template("<p>Hello {{name}}</p>", name=name)  # safe: CWE-79 SimpleTemplate escapes {{ }}


@app.get("/hello-raw")
def hello_raw():
    name = request.query.get("name", "")
    return "<p>Hello " + name + "</p>"  # expect: CWE-79 returned as HTML


@app.get("/theme")
def theme():
    response.set_cookie("theme", "dark", secure=True, httponly=True, samesite="lax")  # safe: CWE-614, CWE-1004
    etag = hashlib.md5(b"dark", usedforsecurity=False).hexdigest()  # safe: CWE-328 not for security
    response.set_header("ETag", etag)
    return "ok"


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8080)  # safe: CWE-605 loopback
