"""Model upload endpoint of the scoring service."""
import io

import joblib
import torch
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/models", methods=["POST"])
def upload_model():
    model = torch.load(io.BytesIO(request.files["model"].read()))  # expect: CWE-502
    return jsonify(params=sum(p.numel() for p in model.parameters()))


@app.route("/models/v2", methods=["POST"])
def upload_weights():
    state = torch.load(io.BytesIO(request.files["model"].read()), weights_only=True)  # safe: CWE-502 weights_only
    return jsonify(tensors=len(state))


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    pipeline = joblib.load(request.files["pipeline"].stream)  # expect: CWE-502
    return jsonify(steps=len(pipeline.steps))
