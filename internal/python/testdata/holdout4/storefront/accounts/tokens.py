"""Password reset and one-time codes for the storefront."""
import hashlib
import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def make_reset_token(length=32):
    return "".join(random.choice(ALPHABET) for _ in range(length))  # expect: CWE-330


def make_reset_token_v2(length=32):
    return secrets.token_urlsafe(length)  # safe: CWE-330 secrets


def make_otp():
    otp = random.randint(100000, 999999)  # expect: CWE-330
    return f"{otp:06d}"


def make_otp_v2():
    otp = secrets.randbelow(900000) + 100000  # safe: CWE-330 secrets
    return f"{otp:06d}"


def retry_delay(attempt):
    return min(60, 2 ** attempt) + random.uniform(0, 1)  # safe: CWE-330 jitter


def pick_featured(products, n=4):
    return random.sample(list(products), min(n, len(products)))  # safe: CWE-330 sampling


def hash_reset_token(token):
    return hashlib.sha256(token.encode()).hexdigest()  # safe: CWE-328 SHA-256


def legacy_token_digest(token):
    return hashlib.md5(token.encode()).hexdigest()  # expect: CWE-328


def avatar_url(email):
    digest = hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()  # safe: CWE-328 usedforsecurity=False
    return f"https://www.gravatar.com/avatar/{digest}"
