"""Hashes used across the platform."""
import hashlib
import hmac
import os

from Crypto.Hash import MD5 as CryptoMD5
from cryptography.hazmat.primitives import hashes

LEGACY_ALGO = "md5"


def hash_password_legacy(password: str, salt: bytes) -> str:
    return hashlib.md5(salt + password.encode("utf-8")).hexdigest()  # expect: CWE-328


def hash_password(password: str, salt: bytes = b""):
    salt = salt or os.urandom(16)
    return salt, hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)  # safe: CWE-328 scrypt


def api_signature(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()  # safe: CWE-328 HMAC-SHA256


def sign_reset_token(user_id, secret):
    digest = hashlib.sha1(f"{user_id}:{secret}".encode()).hexdigest()  # expect: CWE-328
    return f"{user_id}.{digest}"


def legacy_signature(key: bytes, data: bytes) -> str:
    return CryptoMD5.new(key + data).hexdigest()  # expect: CWE-328 secret-prefix MAC on MD5


def legacy_token_digest(token: str) -> str:
    return hashlib.new(LEGACY_ALGO, token.encode()).hexdigest()  # expect: CWE-328 algorithm name through a constant


def cert_pin(der: bytes) -> bytes:
    h = hashes.Hash(hashes.MD5())  # expect: CWE-328 certificate pinning
    h.update(der)
    return h.finalize()


def etag_for(body: bytes) -> str:
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'  # safe: CWE-328 usedforsecurity=False


def cache_key(*parts) -> str:
    return hashlib.md5("|".join(map(str, parts)).encode()).hexdigest()  # safe: CWE-328 a cache key, not a security value


def verify_download(path: str, expected_sha256: str) -> bool:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return hmac.compare_digest(h.hexdigest(), expected_sha256)
