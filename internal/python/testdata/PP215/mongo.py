from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
users = MongoClient()["app"]["users"]


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    return str(users.find_one({"name": body["name"], "pw": body["pw"]}))  # want: PP215


@app.route("/by-name")
def by_name():
    return str(users.find_one({"name": request.args["name"]}))  # safe: a query-string value is a plain string


@app.route("/where")
def where():
    name = request.args["name"]
    return str(list(users.find({"$where": f"this.name == '{name}'"})))  # want: PP215


@app.route("/filter", methods=["POST"])
def raw_filter():
    return str(list(users.find(request.json)))  # want: PP215


@app.route("/typed", methods=["POST"])
def typed():
    return str(users.find_one({"name": str(request.json["name"])}))  # safe: converted to a string
