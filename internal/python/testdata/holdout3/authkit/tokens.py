"""Token generation for invitations, resets and API keys."""
import hashlib
import random
import secrets
import string
import time

ALPHABET = string.ascii_letters + string.digits


class InviteFactory:
    def __init__(self, length=24):
        self.length = length
        self._rng = random.Random()

    def invite_token(self):
        return "".join(self._rng.choice(ALPHABET) for _ in range(self.length))  # expect: CWE-330 random.Random instance for an invite token

    def invite_token_v2(self):
        return "".join(secrets.choice(ALPHABET) for _ in range(self.length))  # safe: CWE-330 secrets


def reset_token(user_id):
    seed = f"{user_id}:{time.time()}:{random.random()}"  # expect: CWE-330 random() feeds a reset token
    return hashlib.sha256(seed.encode()).hexdigest()


def reset_token_v2(user_id):
    return f"{int(user_id)}.{secrets.token_urlsafe(32)}"  # safe: CWE-330 secrets


def api_key_fingerprint(api_key):
    return hashlib.sha1(api_key.encode()).hexdigest()  # expect: CWE-328 SHA-1 over an API key


def cache_key(*parts):
    return hashlib.md5(":".join(map(str, parts)).encode()).hexdigest()  # safe: CWE-328 cache key named as such


def etag_for(body):
    return hashlib.md5(body, usedforsecurity=False).hexdigest()  # safe: CWE-328 usedforsecurity=False


def retry_delay(attempt):
    return min(30.0, (2 ** attempt) + random.uniform(0, 1))  # safe: CWE-330 jitter, not a secret


def pick_canary_hosts(hosts, n=2):
    return random.sample(hosts, min(n, len(hosts)))  # safe: CWE-330 sampling
