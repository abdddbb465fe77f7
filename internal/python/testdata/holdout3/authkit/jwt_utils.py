"""JWT helpers shared by the internal services."""
import os

import jwt
from jose import jwt as jose_jwt

JWKS = {}
ISSUER = "https://auth.example.com"
_LENIENT = {"verify_signature": False, "verify_exp": False}


def issue(claims):
    return jwt.encode(claims, "internal-signing-key-2021", algorithm="HS256")  # expect: CWE-798 literal signing key


def issue_v2(claims):
    return jwt.encode(claims, os.environ["JWT_SIGNING_KEY"], algorithm="HS256")  # safe: CWE-798 key from the environment


def read_claims(token):
    return jwt.decode(token, options=_LENIENT)  # expect: CWE-347 options held in a module constant


def read_claims_v2(token):
    header = jwt.get_unverified_header(token)  # safe: CWE-347 header only, used to pick the key
    key = JWKS[header["kid"]]
    return jwt.decode(token, key, algorithms=["RS256"], issuer=ISSUER)  # safe: CWE-347 verified


def partner_claims(token, key):
    return jose_jwt.decode(token, key, options={"verify_signature": False})  # expect: CWE-347 python-jose without verification


def accept_any_alg(token, key):
    return jwt.decode(token, key, algorithms=["HS256", "none"])  # expect: CWE-347 "none" accepted
