"""Random values: session ids, codes, tokens and the harmless kind."""
import random
import secrets
import string
import uuid

ALPHABET = string.ascii_letters + string.digits
_sysrand = random.SystemRandom()


def new_session_id():
    return "".join(random.choice(ALPHABET) for _ in range(32))  # expect: CWE-330


def new_api_token():
    return secrets.token_urlsafe(32)  # safe: CWE-330 secrets


def otp_code():
    return f"{random.randint(0, 999999):06d}"  # expect: CWE-330


def password_reset_token(user_id):
    raw = random.getrandbits(128)  # expect: CWE-330
    return f"{user_id}-{raw:x}"


def invite_code():
    return "".join(_sysrand.choice(ALPHABET) for _ in range(10))  # safe: CWE-330 SystemRandom


def temporary_password(length=14):
    chars = ALPHABET + "!@#$%"
    return "".join(secrets.choice(chars) for _ in range(length))  # safe: CWE-330 secrets


def retry_delay(attempt):
    return min(30.0, 2 ** attempt) + random.uniform(0, 0.5)  # safe: CWE-330 backoff jitter


def sample_for_audit(rows, k=50):
    return random.sample(rows, min(k, len(rows)))  # safe: CWE-330 sampling


def shuffle_quiz(questions):
    order = list(questions)
    random.shuffle(order)  # safe: CWE-330 shuffling a quiz
    return order


def csrf_nonce():
    return uuid.uuid1().hex  # expect: CWE-330 uuid1 is time and MAC based


def request_id():
    return uuid.uuid4().hex  # safe: CWE-330 uuid4 comes from os.urandom


def salt_bytes():
    return bytes(random.randrange(256) for _ in range(16))  # expect: CWE-330


class Coupon:
    def __init__(self, rng=None):
        self.rng = rng or secrets.SystemRandom()

    def code(self):
        return "".join(self.rng.choice(string.ascii_uppercase) for _ in range(8))  # safe: CWE-330 SystemRandom injected
