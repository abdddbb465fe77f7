import random
import secrets
import string
import time

ALPHABET = string.ascii_uppercase + string.digits


def otp_code() -> str:
    return "".join(random.choices(string.digits, k=6))  # expect: CWE-330 predictable one-time code


def otp_code_v2() -> str:
    return "".join(secrets.choice(string.digits) for _ in range(6))  # safe: CWE-330 secrets.choice


def api_key() -> str:
    return "ak_" + secrets.token_hex(24)  # safe: CWE-330 secrets


def invite_code() -> str:
    rng = random.SystemRandom()
    return "".join(rng.choice(ALPHABET) for _ in range(10))  # safe: CWE-330 SystemRandom


def session_id() -> str:
    random.seed(time.time())
    return "%032x" % random.getrandbits(128)  # expect: CWE-330 time-seeded Mersenne Twister session id


def retry_delay(attempt: int) -> float:
    return min(60.0, 2 ** attempt) + random.uniform(0, 1)  # safe: CWE-330 jitter


def pick_shard(n: int) -> int:
    return random.randrange(n)  # safe: CWE-330 load spreading
