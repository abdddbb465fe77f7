"""Bottle signs and encodes a cookie value when given a secret."""
import os

from bottle import Bottle, request, response

app = Bottle()
SECRET = os.environ["COOKIE_SECRET"]


@app.post("/login")
def login():
    user = request.forms.get("user")
    response.set_cookie("account", user, secret=SECRET, secure=True, httponly=True)  # safe look-alike: signed and encoded
    response.set_cookie("theme", request.forms.get("theme"), secure=True, httponly=True)  # want: PP225
    return "ok"
