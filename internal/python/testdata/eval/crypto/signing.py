"""Signs webhook payloads sent to partners."""
import hashlib
import hmac
import os

WEBHOOK_KEY = b"whk_9f2c7a1e4b8d3f6a0c5e2b7d9a1f4c8e"  # expect: CWE-798


def sign(payload):
    return hmac.new(WEBHOOK_KEY, payload, hashlib.sha256).hexdigest()


def sign_v2(payload):
    key = os.environ["WEBHOOK_KEY"].encode()  # safe: CWE-798
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def verify(payload, signature):
    expected = sign_v2(payload)
    return hmac.compare_digest(expected, signature)
