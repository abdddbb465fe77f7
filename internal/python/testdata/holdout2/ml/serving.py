"""Model serving endpoints."""
import io
import json
import logging

import jsonpickle
import numpy as np
import torch
from flask import Blueprint, jsonify, request
from huggingface_hub import hf_hub_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer

bp = Blueprint("serving", __name__)
log = logging.getLogger("serving")

MODEL_ID = "example-org/sentiment-small"
MODEL_REV = "4f1d2c9a8b7e6d5c4b3a29180f7e6d5c4b3a2918"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, revision=MODEL_REV)  # safe: CWE-494 pinned revision
model = AutoModelForSequenceClassification.from_pretrained(MODEL_ID)  # expect: CWE-494 revision not pinned


def labels_file():
    return hf_hub_download(repo_id=MODEL_ID, filename="labels.json")  # expect: CWE-494 unpinned download


@bp.post("/predict")
def predict():
    text = request.get_json()["text"]
    inputs = tokenizer(text, return_tensors="pt", truncation=True)
    with torch.no_grad():
        logits = model(**inputs).logits
    return jsonify(scores=logits.softmax(-1).tolist()[0])


@bp.post("/adapters")
def upload_adapter():
    blob = request.files["adapter"].read()
    state = torch.load(io.BytesIO(blob))  # expect: CWE-502 uploaded checkpoint unpickled
    model.load_state_dict(state, strict=False)
    return jsonify(ok=True)


@bp.post("/adapters-v2")
def upload_adapter_v2():
    blob = request.files["adapter"].read()
    state = torch.load(io.BytesIO(blob), weights_only=True)  # safe: CWE-502 weights_only
    model.load_state_dict(state, strict=False)
    return jsonify(ok=True)


@bp.post("/embeddings")
def upload_embeddings():
    arr = np.load(request.files["vectors"], allow_pickle=True)  # expect: CWE-502 object arrays unpickled
    return jsonify(shape=list(arr.shape))


@bp.post("/embeddings-v2")
def upload_embeddings_v2():
    arr = np.load(request.files["vectors"], allow_pickle=False)  # safe: CWE-502 pickles refused
    return jsonify(shape=list(arr.shape))


@bp.post("/experiment")
def experiment():
    cfg = jsonpickle.decode(request.get_data(as_text=True))  # expect: CWE-502 jsonpickle rebuilds arbitrary objects
    return jsonify(name=getattr(cfg, "name", None))


@bp.post("/experiment-v2")
def experiment_v2():
    cfg = json.loads(request.get_data(as_text=True))  # safe: CWE-502 plain JSON
    return jsonify(name=cfg.get("name"))
