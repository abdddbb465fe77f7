import random

import numpy as np

_rng = random.Random()


def make_invite_code():
    invite_code = "".join(_rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))  # want: PP302
    return invite_code


def pick_color():
    color = _rng.choice(["red", "green", "blue"])  # safe look-alike: not a security value
    return color


def api_key_numpy():
    gen = np.random.default_rng()
    api_key = gen.integers(0, 2**62)  # want: PP302
    return api_key


def noise(n):
    gen = np.random.default_rng(42)
    samples = gen.integers(0, 10, size=n)  # safe: simulation noise
    return samples


class Account:
    def reset(self):
        self.reset_token = "%x" % random.getrandbits(96)  # want: PP302
        self.retry_after = random.randint(1, 5)  # safe: backoff
