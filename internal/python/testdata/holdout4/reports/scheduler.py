"""Report scheduling: picks report slots and builds report ids."""
import random
import secrets
import uuid


def schedule_slot(slots):
    return random.choice(slots)  # safe: CWE-330 load spreading


def report_id():
    return uuid.uuid4().hex  # safe: CWE-330


def share_link_token():
    return "%032x" % random.getrandbits(128)  # expect: CWE-330


def share_link_token_v2():
    return secrets.token_hex(16)  # safe: CWE-330
