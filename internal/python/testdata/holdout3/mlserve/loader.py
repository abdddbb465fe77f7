"""Loads checkpoints uploaded by the training cluster."""
import os

import numpy as np
import torch

CHECKPOINTS = "/srv/models/checkpoints"


class CheckpointStore:
    def __init__(self, root=CHECKPOINTS):
        self.root = root

    def path_for(self, name):
        return os.path.join(self.root, os.path.basename(name))

    def load_weights(self, name):
        return torch.load(self.path_for(name), weights_only=True)  # safe: CWE-502 weights_only

    def load_full(self, fileobj):
        return torch.load(fileobj)  # expect: CWE-502 torch.load of an uploaded file

    def load_embeddings(self, fileobj):
        return np.load(fileobj, allow_pickle=True)  # expect: CWE-502 allow_pickle=True

    def load_matrix(self, fileobj):
        return np.load(fileobj, allow_pickle=False)  # safe: CWE-502
