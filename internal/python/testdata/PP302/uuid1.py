"""uuid1 is a timestamp and the host's MAC address: guessable."""
import uuid


def new_reset_token():
    return uuid.uuid1().hex  # want: PP302


def new_session_token():
    return uuid.uuid4().hex  # safe look-alike: random


def new_log_record_id():
    return uuid.uuid1().hex  # safe look-alike: an identifier, not a secret
