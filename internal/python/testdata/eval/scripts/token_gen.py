"""Generates invite codes and sample data for the staging seed."""
import random
import secrets
import string
import uuid


def invite_code():
    return "".join(random.choices(string.ascii_uppercase + string.digits, k=12))  # expect: CWE-330


def invite_code_v2():
    return secrets.token_urlsafe(9)  # safe: CWE-330


def session_id():
    return uuid.UUID(int=random.getrandbits(128), version=4).hex  # expect: CWE-330


def session_id_v2():
    return uuid.uuid4().hex  # safe: CWE-330


def fake_customers(n):
    rng = random.Random(42)
    return [{"age": rng.randint(18, 90), "plan": rng.choice(["free", "pro"])} for _ in range(n)]  # safe: CWE-330 seeded sample data


if __name__ == "__main__":
    print(invite_code(), invite_code_v2(), session_id(), session_id_v2(), fake_customers(3))
