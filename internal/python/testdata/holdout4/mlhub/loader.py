"""Model loading for the review classifier."""
import numpy as np
import torch
from huggingface_hub import hf_hub_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer

MODEL_REPO = "corp-ml/review-sentiment"
MODEL_REVISION = "4b8e7f0c2d1a9e6b5c3f8a7d0e1b2c3d4e5f6a7b"


def load_classifier():
    tok = AutoTokenizer.from_pretrained(MODEL_REPO, revision=MODEL_REVISION)  # safe: CWE-494 pinned
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_REPO)  # expect: CWE-494
    return tok, model


def load_classifier_v2():
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_REPO, revision=MODEL_REVISION)  # safe: CWE-494 pinned
    return model


def fetch_weights(repo_id, filename):
    return hf_hub_download(repo_id=repo_id, filename=filename)  # expect: CWE-494


def fetch_weights_v2(filename):
    return hf_hub_download(repo_id=MODEL_REPO, filename=filename, revision=MODEL_REVISION)  # safe: CWE-494 pinned


def load_checkpoint(path):
    return torch.load(path, map_location="cpu")  # expect: CWE-502


def load_checkpoint_v2(path):
    return torch.load(path, map_location="cpu", weights_only=True)  # safe: CWE-502 weights_only


def load_embeddings(path):
    return np.load(path, allow_pickle=False)  # safe: CWE-502 allow_pickle=False


def load_eval_set():
    from datasets import load_dataset

    return load_dataset("corp-ml/review-eval", revision=MODEL_REVISION)  # safe: CWE-494 pinned
