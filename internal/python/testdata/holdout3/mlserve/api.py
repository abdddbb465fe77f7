"""Inference API."""
import importlib
import io

from fastapi import FastAPI, File, HTTPException, UploadFile

from .loader import CheckpointStore
from .registry import PINNED, load_latest, load_pinned

app = FastAPI(title="mlserve")
store = CheckpointStore()

POSTPROCESSORS = {
    "softmax": "mlserve.post.softmax",
    "argmax": "mlserve.post.argmax",
}


@app.post("/models/{name}/warm")
def warm(name: str, latest: bool = False):
    if latest:
        load_latest(name)
    elif name in PINNED:
        load_pinned(name)
    else:
        raise HTTPException(404)
    return {"warmed": name}


@app.post("/checkpoints")
async def upload_checkpoint(ckpt: UploadFile = File(...), kind: str = "weights"):
    data = io.BytesIO(await ckpt.read())
    if kind == "full":
        state = store.load_full(data)
    elif kind == "embeddings":
        state = store.load_embeddings(data)
    else:
        state = store.load_matrix(data)
    return {"entries": len(state)}


@app.get("/post/{module}")
def load_post(module: str):
    mod = importlib.import_module(module)  # expect: CWE-94 module path from the URL
    return {"loaded": mod.__name__}


@app.get("/post/v2/{kind}")
def load_post_v2(kind: str):
    target = POSTPROCESSORS.get(kind)
    if target is None:
        raise HTTPException(404)
    mod = importlib.import_module(target)  # safe: CWE-94 module name from a constant map
    return {"loaded": mod.__name__}
