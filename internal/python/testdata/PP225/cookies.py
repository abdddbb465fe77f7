from flask import Flask, make_response, request

app = Flask(__name__)
LANGUAGES = {"en", "fr", "de"}


@app.route("/lang")
def lang():
    resp = make_response("ok")
    resp.set_cookie("lang", request.args["lang"], secure=True, httponly=True)  # want: PP225
    return resp


@app.route("/lang2")
def lang2():
    resp = make_response("ok")
    choice = request.args.get("lang", "en")
    resp.set_cookie("lang", choice if choice in LANGUAGES else "en", secure=True, httponly=True)  # safe: allow-listed
    return resp
