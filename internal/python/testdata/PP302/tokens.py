import random
import secrets
import string
from random import choice, randint

ALPHABET = string.ascii_letters + string.digits


def make_reset_token():
    token = "".join(random.choice(ALPHABET) for _ in range(32))  # want: PP302
    return token


def make_reset_token_safe():
    token = "".join(secrets.choice(ALPHABET) for _ in range(32))  # safe look-alike: secrets
    return token


def new_api_key():
    return "%032x" % random.getrandbits(128)  # want: PP302


def new_api_key_safe():
    return secrets.token_hex(16)  # safe look-alike


def otp_code():
    otp = randint(100000, 999999)  # want: PP302
    return str(otp)


def otp_code_system():
    rng = random.SystemRandom()
    otp = rng.randint(100000, 999999)  # safe look-alike: SystemRandom
    return str(otp)


def generate_password(length=16):
    return "".join(random.choices(ALPHABET, k=length))  # want: PP302


def create_user(db, name):
    db.insert(name=name, password=choice(["a1", "b2", "c3"]) + str(random.random()))  # want: PP302


def roll_dice():
    return random.randint(1, 6)  # safe: a game


def shuffle_deck(deck):
    random.shuffle(deck)  # safe: not a security value
    return deck


def sample_rows(rows):
    return random.sample(rows, 10)  # safe: sampling


def jitter(delay):
    return delay * (1 + random.random() / 10)  # safe: backoff jitter


def session_id():
    sid = "%016x" % random.getrandbits(64)  # want: PP302
    return sid


def make_password(n=12):
    chars = []
    for _ in range(n):
        chars.append(random.choice(ALPHABET))  # want: PP302
    return "".join(chars)


def make_deck(n=12):
    cards = []
    for _ in range(n):
        cards.append(random.choice(ALPHABET))  # safe look-alike: a deck of cards
    return cards
