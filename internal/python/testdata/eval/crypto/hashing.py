"""Password and token hashing for the accounts service."""
import hashlib
import hmac
import os

import bcrypt


def hash_password_md5(password):
    return hashlib.md5(password.encode()).hexdigest()  # expect: CWE-328


def hash_password_sha1(password, salt):
    digest = hashlib.new("sha1")  # expect: CWE-328
    digest.update(salt + password.encode())
    return digest.hexdigest()


def hash_password_bcrypt(password):
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))  # safe: CWE-328


def hash_password_scrypt(password, salt):
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)  # safe: CWE-328


def reset_token_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()  # safe: CWE-328


def api_signature(secret, payload):
    return hashlib.md5(secret + payload).hexdigest()  # expect: CWE-328


def api_signature_v2(secret, payload):
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()  # safe: CWE-328


def file_fingerprint(path):
    h = hashlib.sha1(usedforsecurity=False)  # safe: CWE-328 not for security
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def cache_key(url):
    return hashlib.blake2b(url.encode(), digest_size=16).hexdigest()  # safe: CWE-328


def new_salt():
    return os.urandom(16)
