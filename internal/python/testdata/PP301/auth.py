import hashlib
import hmac
from hashlib import md5, sha1 as sha_one

from Crypto.Hash import MD5
from cryptography.hazmat.primitives import hashes


def hash_password(password, salt):
    return hashlib.md5((salt + password).encode()).hexdigest()  # want: PP301


def hash_password_strong(password, salt):
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)  # safe look-alike


def api_token_digest(token):
    digest = sha_one(token.encode("utf-8")).hexdigest()  # want: PP301
    return digest


def api_token_digest_sha256(token):
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()  # safe look-alike: SHA-256
    return digest


def sign(secret_key, message):
    return hmac.new(secret_key, message, hashlib.sha256).hexdigest()  # safe: HMAC-SHA256


def legacy_signature(body):
    h = hashlib.new("md5")  # want: PP301
    h.update(body)
    return h.hexdigest()


def modern_signature(body):
    h = hashlib.new("sha512")  # safe look-alike
    h.update(body)
    return h.hexdigest()


def crypto_lib(data):
    return MD5.new(data).digest()  # want: PP301


def cryptography_lib(data):
    digest = hashes.Hash(hashes.SHA1())  # want: PP301
    digest.update(data)
    return digest.finalize()


def cryptography_lib_strong(data):
    digest = hashes.Hash(hashes.SHA256())  # safe look-alike
    digest.update(data)
    return digest.finalize()


def api_key_fingerprint(api_key):
    return hashlib.sha1(api_key.encode()).hexdigest()  # want: PP301


def content_fingerprint(body):
    return hashlib.sha1(body).hexdigest()  # safe: a content fingerprint
