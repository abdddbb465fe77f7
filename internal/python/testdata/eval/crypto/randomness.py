"""Assorted random values used across the platform."""
import random
import secrets
import string


def csrf_token():
    return "%030x" % random.randrange(16**30)  # expect: CWE-330


def csrf_token_v2():
    return secrets.token_hex(16)  # safe: CWE-330


def temporary_password():
    chars = string.ascii_letters + string.digits + "!@#$%"
    return "".join(random.choice(chars) for _ in range(14))  # expect: CWE-330


def temporary_password_v2():
    chars = string.ascii_letters + string.digits + "!@#$%"
    return "".join(secrets.choice(chars) for _ in range(14))  # safe: CWE-330


def remember_me_secret():
    return random.randbytes(32).hex()  # expect: CWE-330


def shuffle_questions(questions):
    order = list(questions)
    random.shuffle(order)  # safe: CWE-330 quiz order
    return order


def sample_for_metrics(events):
    return [e for e in events if random.random() < 0.01]  # safe: CWE-330 sampling


def pick_server(servers):
    return random.choice(servers)  # safe: CWE-330 load balancing
