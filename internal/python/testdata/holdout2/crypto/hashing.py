import hashlib
import hmac
import os
import zlib


def file_checksum(path: str) -> str:
    h = hashlib.md5(usedforsecurity=False)  # safe: CWE-328 explicitly not for security
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def crc(data: bytes) -> int:
    return zlib.crc32(data)


def hash_api_token(token: str) -> str:
    return hashlib.sha1(token.encode()).hexdigest()  # expect: CWE-328 SHA-1 for a credential


def hash_password(password: str, salt: bytes = None):
    salt = salt or os.urandom(16)
    return salt, hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)  # safe: CWE-328 PBKDF2-SHA256


def legacy_password_hash(password: str, salt: str) -> str:
    return hashlib.new("md5", (salt + password).encode()).hexdigest()  # expect: CWE-328 salted MD5 for passwords


def sign_payload(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()  # safe: CWE-328 HMAC-SHA256


def gravatar_url(email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()  # safe: CWE-328 SHA-256
    return f"https://www.gravatar.com/avatar/{digest}"
