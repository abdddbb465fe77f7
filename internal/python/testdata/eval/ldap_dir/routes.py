"""HTTP front for the directory helpers."""
from flask import Flask, jsonify, request

from directory import (authenticate, authenticate_safe, find_user, find_user_safe, members_of, members_of_safe,
                       staff_count)

app = Flask(__name__)


@app.route("/users/<username>")
def user(username):
    return jsonify(found=bool(find_user(username)))


@app.route("/users/<username>/safe")
def user_safe(username):
    return jsonify(found=bool(find_user_safe(username)))


@app.route("/login", methods=["POST"])
def login():
    ok = authenticate(request.form["username"], request.form["password"])
    ok2 = authenticate_safe(request.form["username"], request.form["password"])
    return jsonify(ok=ok and ok2)


@app.route("/groups")
def groups():
    name = request.args["group"]
    return jsonify(members=len(members_of(name)), safe=len(members_of_safe(name)), staff=staff_count())
