"""Token and code generation for password resets, coupons and retries."""
import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def password_reset_token():
    return "".join(random.choice(ALPHABET) for _ in range(32))  # expect: CWE-330


def password_reset_token_v2():
    return "".join(secrets.choice(ALPHABET) for _ in range(32))  # safe: CWE-330 secrets


def login_otp():
    return f"{random.randint(0, 999999):06d}"  # expect: CWE-330


def login_otp_v2():
    return f"{secrets.randbelow(1_000_000):06d}"  # safe: CWE-330


def coupon_code():
    rng = random.SystemRandom()
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(10))  # safe: CWE-330 SystemRandom


def api_key():
    return "sk_" + "%032x" % random.getrandbits(128)  # expect: CWE-330


def retry_delay(attempt):
    return min(30.0, 2 ** attempt) + random.uniform(0, 1)  # safe: CWE-330 jitter, not a secret


def featured(products):
    return random.sample(products, min(3, len(products)))  # safe: CWE-330 display order
