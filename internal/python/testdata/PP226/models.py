from huggingface_hub import hf_hub_download
from transformers import AutoModel, AutoTokenizer


def load():
    model = AutoModel.from_pretrained("acme/sentiment-base")  # want: PP226
    tok = AutoTokenizer.from_pretrained("acme/sentiment-base", revision="3f9a0c21d4e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9")  # safe: pinned
    path = hf_hub_download("acme/weights", "model.bin")  # want: PP226
    local = AutoModel.from_pretrained("./models/local")  # safe: a local directory
    return model, tok, path, local


def load_latest(repo):
    return AutoTokenizer.from_pretrained(repo)  # want: PP226


def load_pinned_var(repo, rev):
    return AutoTokenizer.from_pretrained(repo, revision=rev)  # safe: revision given


def load_local(name):
    return AutoTokenizer.from_pretrained("/srv/models/" + name)  # safe: a local directory
