import io
import logging

import numpy as np
from fastapi import APIRouter, UploadFile

from .loader import load_classifier_v2

router = APIRouter(prefix="/ml")
log = logging.getLogger("mlhub")
_model = None


def model():
    global _model
    if _model is None:
        _model = load_classifier_v2()
    return _model


@router.post("/embed-batch")
async def embed_batch(batch: UploadFile):
    arr = np.load(io.BytesIO(await batch.read()), allow_pickle=True)  # expect: CWE-502
    return {"shape": list(arr.shape)}


@router.post("/embed-batch-v2")
async def embed_batch_v2(batch: UploadFile):
    arr = np.load(io.BytesIO(await batch.read()), allow_pickle=False)  # safe: CWE-502
    return {"shape": list(arr.shape)}


@router.post("/score")
async def score(text: str):
    log.info("scoring %d characters", len(text))  # safe: CWE-117 length only
    return {"label": "positive" if "good" in text.lower() else "neutral"}
