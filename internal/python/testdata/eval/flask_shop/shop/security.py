"""Helpers shared by the account and admin blueprints."""
import hashlib
import hmac
import os
from urllib.parse import urlparse

ALLOWED_REDIRECT_HOSTS = {"shop.example.com", "help.example.com"}


def is_safe_redirect(target):
    parts = urlparse(target)
    return parts.scheme == "https" and parts.netloc in ALLOWED_REDIRECT_HOSTS


def hash_password(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000).hex()  # safe: CWE-328


def legacy_hash(password, salt):
    # Still used to verify accounts created before 2019.
    return hashlib.sha1(salt + password.encode()).hexdigest()  # expect: CWE-328


def check_password(user, password):
    salt = bytes.fromhex(user["pw_hash"][:32])
    expected = user["pw_hash"][32:]
    if user.get("legacy"):
        return hmac.compare_digest(legacy_hash(password, salt), expected)
    return hmac.compare_digest(hash_password(password, salt), expected)


def new_salt():
    return os.urandom(16)


def avatar_etag(image_bytes):
    return hashlib.md5(image_bytes, usedforsecurity=False).hexdigest()  # safe: CWE-328 not a security use
