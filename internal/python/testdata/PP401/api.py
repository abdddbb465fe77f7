import base64
import json
import pickle
import pickle as pkl
from pickle import loads as unpickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_state():
    state = pickle.loads(request.data)  # want: PP401
    return str(state)


@app.route("/import-json", methods=["POST"])
def import_state_json():
    state = json.loads(request.data)  # safe look-alike: JSON
    return str(state)


@app.route("/cookie")
def cookie_state():
    raw = base64.b64decode(request.cookies.get("state", ""))
    prefs = unpickle(raw)  # want: PP401
    return str(prefs)


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["model"]
    obj = pkl.load(f.stream)  # want: PP401
    return str(obj)


@app.route("/config", methods=["POST"])
def config():
    doc = yaml.load(request.get_data(), Loader=yaml.Loader)  # want: PP401
    return str(doc)


@app.route("/config-safe", methods=["POST"])
def config_safe():
    doc = yaml.load(request.get_data(), Loader=yaml.SafeLoader)  # safe look-alike: SafeLoader
    return str(doc)


@app.route("/config-safe2", methods=["POST"])
def config_safe2():
    doc = yaml.safe_load(request.get_data())  # safe look-alike: safe_load
    return str(doc)
