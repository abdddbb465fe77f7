"""Model uploads for the recommendation service."""
import base64
import json
import os
import pickle

import dill
import joblib
import jsonpickle
import numpy as np
import torch
from flask import Blueprint, request

bp = Blueprint("models", __name__, url_prefix="/models")
ASSETS = os.path.join(os.path.dirname(__file__), "assets")


@bp.post("/upload")
def upload_model():
    model = torch.load(request.files["model"])  # expect: CWE-502
    return {"params": sum(p.numel() for p in model.parameters())}


@bp.post("/upload/v2")
def upload_model_v2():
    state = torch.load(request.files["model"], weights_only=True)  # safe: CWE-502 weights_only
    return {"tensors": len(state)}


@bp.post("/arrays")
def arrays():
    arr = np.load(request.files["arr"], allow_pickle=True)  # expect: CWE-502
    return {"shape": list(arr.shape)}


@bp.post("/arrays/v2")
def arrays_v2():
    arr = np.load(request.files["arr"])  # safe: CWE-502 allow_pickle defaults to False
    return {"shape": list(arr.shape)}


@bp.post("/sklearn")
def sklearn_model():
    clf = joblib.load(request.files["model"])  # expect: CWE-502
    return {"classes": [str(c) for c in clf.classes_]}


@bp.post("/state")
def restore_state():
    obj = jsonpickle.decode(request.form["state"])  # expect: CWE-502
    extra = dill.loads(base64.b64decode(request.cookies["state"]))  # expect: CWE-502
    plain = json.loads(request.form.get("plain", "{}"))  # safe: CWE-502 JSON
    return {"keys": sorted(vars(obj)), "extra": type(extra).__name__, "plain": sorted(plain)}


def save_snapshot(obj, path):
    with open(path, "wb") as fh:
        pickle.dump(obj, fh)  # safe: CWE-502 serialising, not deserialising


def load_vocab():
    with open(os.path.join(ASSETS, "vocab.pkl"), "rb") as fh:
        return pickle.load(fh)  # safe: CWE-502 file shipped inside the package
