from flask import Flask, make_response

app = Flask(__name__)
SESSION_COOKIE_SECURE = False  # want: PP504


@app.route("/a")
def a():
    resp = make_response("ok")
    resp.set_cookie("session", "abc", httponly=True)  # want: PP504
    resp.set_cookie("session2", "abc", secure=True, httponly=True)  # safe
    return resp
