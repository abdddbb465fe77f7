import marshal
import shelve

import dill
import jsonpickle
import numpy as np
import pandas as pd
import torch
import yaml
from yaml import CSafeLoader


def load_settings(path):
    with open(path) as fh:
        return yaml.load(fh)  # want: PP401


def load_settings_safe(path):
    with open(path) as fh:
        return yaml.load(fh, Loader=CSafeLoader)  # safe look-alike


def load_all(text):
    return list(yaml.unsafe_load_all(text))  # want: PP401


def load_model(path):
    return torch.load(path)  # want: PP401


def load_weights(path):
    return torch.load(path, weights_only=True)  # safe look-alike: weights_only=True


def load_array(path):
    return np.load(path, allow_pickle=True)  # want: PP401


def load_array_plain(path):
    return np.load(path)  # safe look-alike: pickles refused by default


def load_frame(path):
    return pd.read_pickle(path)  # want: PP401


def load_frame_csv(path):
    return pd.read_csv(path)  # safe look-alike


def restore(blob):
    return dill.loads(blob)  # want: PP401


def restore_code(blob):
    return marshal.loads(blob)  # want: PP401


def decode_event(text):
    return jsonpickle.decode(text)  # want: PP401


def open_cache(name):
    return shelve.open(name)  # want: PP401


def open_fixed_cache():
    return shelve.open("cache.db")  # safe look-alike: a fixed file


def constant_yaml():
    return yaml.load("a: 1")  # safe: constant document
