from flask import Flask, make_response

app = Flask(__name__)
SESSION_COOKIE_HTTPONLY = False  # want: PP505


@app.route("/a")
def a():
    resp = make_response("ok")
    resp.set_cookie("session", "abc", secure=True)  # want: PP505
    resp.set_cookie("session2", "abc", secure=True, httponly=True)  # safe
    return resp
