import hashlib
import os
import random
import string
from dataclasses import dataclass

from werkzeug.security import check_password_hash

from . import db as dbx


@dataclass
class User:
    id: int
    email: str
    pw_hash: str
    legacy_hash: str


class UserStore:
    def by_email(self, email):
        cur = dbx.get_conn().cursor()
        cur.execute("SELECT id, email, pw_hash, legacy_hash FROM users WHERE email = %s", (email,))  # safe: CWE-89 parameterised
        row = cur.fetchone()
        return User(*row) if row else None

    def check_password(self, user, candidate):
        return check_password_hash(user.pw_hash, candidate)

    def issue_remember_token(self, user):
        token = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(40))  # expect: CWE-330 Mersenne Twister for a login token
        cur = dbx.get_conn().cursor()
        cur.execute("INSERT INTO remember_tokens (user_id, token_sha256) VALUES (%s, %s)", (user.id, hashlib.sha256(token.encode()).hexdigest()))  # safe: CWE-89, CWE-328 parameterised, SHA-256
        return token

    def save_reset(self, user, token_hash):
        cur = dbx.get_conn().cursor()
        cur.execute("UPDATE users SET reset_hash = %s WHERE id = %s", (token_hash, user.id))  # safe: CWE-89 parameterised

    def mail_reset(self, user, reset_token):
        from .mailer import send_template

        send_template(user.email, "reset", link=f"https://billing.example.com/reset/{reset_token}")

    def sample_for_survey(self, users, k=20):
        return random.sample(users, min(k, len(users)))  # safe: CWE-330 survey sampling is not a security value

    def avatar_colour(self, user):
        rnd = random.Random(user.id)
        return "#%06x" % rnd.randrange(0xFFFFFF)  # safe: CWE-330 deterministic cosmetic colour
