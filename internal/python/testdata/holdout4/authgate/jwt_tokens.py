"""JWT issue and verification for first-party clients and internal services."""
import datetime
import os

import jwt

SIGNING_KEY = os.environ.get("AUTHGATE_JWT_KEY", "")
ALGORITHMS = ["HS256"]


def issue(user_id, scopes):
    now = datetime.datetime.now(datetime.timezone.utc)
    payload = {"sub": str(user_id), "scp": scopes, "iat": now, "exp": now + datetime.timedelta(minutes=15)}
    return jwt.encode(payload, SIGNING_KEY, algorithm="HS256")  # safe: CWE-798 key from the environment


def verify(token):
    return jwt.decode(token, SIGNING_KEY, algorithms=ALGORITHMS)  # safe: CWE-347 verified


def peek_claims(token):
    """Used by the router to pick a shard before the real check."""
    return jwt.decode(token, options={"verify_signature": False})  # expect: CWE-347


def key_id(token):
    return jwt.get_unverified_header(token).get("kid")  # safe: CWE-347 header read only to choose the key


def issue_service_token(service):
    return jwt.encode({"svc": service}, "svc-shared-signing-key-2019", algorithm="HS256")  # expect: CWE-798


def decode_partner(token, key):
    return jwt.decode(token, key, algorithms=["HS256", "none"])  # expect: CWE-347


def decode_partner_v2(token, key):
    return jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp", "iss"]})  # safe: CWE-347
