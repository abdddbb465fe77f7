"""Session cache and model uploads backed by Redis."""
import json
import pickle

import dill
import pandas as pd
import redis
from flask import Flask, jsonify, request

app = Flask(__name__)
r = redis.Redis(host="cache.internal.example", port=6379)


class SessionCache:
    def __init__(self, client):
        self.client = client

    def load(self, key):
        blob = self.client.get("sess:" + key)
        return pickle.loads(blob) if blob else None  # expect: CWE-502 pickle of cache contents

    def load_json(self, key):
        blob = self.client.get("sess:" + key)
        return json.loads(blob) if blob else None  # safe: CWE-502 JSON


cache = SessionCache(r)


@app.route("/sessions/<sid>")
def get_session(sid):
    data = cache.load_json(sid) if request.args.get("fmt") == "json" else cache.load(sid)
    return jsonify(keys=sorted(data or {}))


@app.route("/frames", methods=["POST"])
def upload_frame():
    frame = pd.read_pickle(request.files["frame"])  # expect: CWE-502 pandas.read_pickle of an upload
    return jsonify(rows=len(frame))


@app.route("/frames/v2", methods=["POST"])
def upload_frame_v2():
    frame = pd.read_parquet(request.files["frame"])  # safe: CWE-502 parquet
    return jsonify(rows=len(frame))


@app.route("/functions", methods=["POST"])
def upload_function():
    fn = dill.loads(request.get_data())  # expect: CWE-502 dill
    return jsonify(name=getattr(fn, "__name__", "?"))
