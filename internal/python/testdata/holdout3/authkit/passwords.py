"""Password storage for the internal tools."""
import hashlib
import hmac
import os

DEFAULT_ITERATIONS = 310_000


def legacy_hash(password, salt):
    return hashlib.sha1((salt + password).encode()).hexdigest()  # expect: CWE-328 SHA-1 password hash


def legacy_hash_md5(password):
    h = hashlib.new("md5")  # expect: CWE-328 hashlib.new("md5") for a password
    h.update(password.encode())
    return h.hexdigest()


def hash_password(password, salt=None):
    salt = salt or os.urandom(16)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, DEFAULT_ITERATIONS)  # safe: CWE-328 PBKDF2-SHA256
    return salt.hex() + "$" + dk.hex()


def verify_password(password, stored):
    salt_hex, dk_hex = stored.split("$", 1)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex), DEFAULT_ITERATIONS)
    return hmac.compare_digest(dk.hex(), dk_hex)


def create_service_user(store, username, password="svcuser2022"):  # expect: CWE-259 default password
    store.add(username, hash_password(password))


def create_user(store, username, password=None):  # safe: CWE-259 no default
    store.add(username, hash_password(password or os.urandom(12).hex()))
