"""Password checks and user lookup for the shop."""
import hashlib
import hmac
from dataclasses import dataclass

from .db import fetch_one

PBKDF2_ROUNDS = 310_000


@dataclass
class User:
    id: int
    name: str
    pw_hash: bytes
    salt: bytes
    is_admin: bool = False


def load_user(username):
    row = fetch_one("SELECT id, name, pw_hash, salt, is_admin FROM users WHERE name = ?", (username,))  # safe: CWE-89 parameterised
    return User(**dict(row)) if row else None


def check_password(user, candidate):
    derived = hashlib.pbkdf2_hmac("sha256", candidate.encode(), user.salt, PBKDF2_ROUNDS)
    return hmac.compare_digest(derived, user.pw_hash)
