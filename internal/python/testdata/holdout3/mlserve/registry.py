"""Model registry: which Hub repositories the service may load."""
from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer

PINNED = {
    "sentiment": ("acme-ml/sentiment-small", "3f9d2c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e"),
    "toxicity": ("acme-ml/toxicity-base", "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"),
}


def load_pinned(name):
    repo, rev = PINNED[name]
    tok = AutoTokenizer.from_pretrained(repo, revision=rev)  # safe: CWE-494 pinned revision
    model = AutoModelForSequenceClassification.from_pretrained(repo, revision=rev)  # safe: CWE-494 pinned revision
    return tok, model


def load_latest(repo):
    tok = AutoTokenizer.from_pretrained(repo)  # expect: CWE-494 no revision
    model = AutoModelForSequenceClassification.from_pretrained(repo)  # expect: CWE-494 no revision
    return tok, model


def fetch_labels(repo):
    return hf_hub_download(repo_id=repo, filename="labels.json")  # expect: CWE-494


def mirror(repo, rev):
    return snapshot_download(repo_id=repo, revision=rev, local_dir="/srv/models/mirror")  # safe: CWE-494 revision given
