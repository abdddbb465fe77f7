"""Token helpers shared by the API gateway."""
import os

import jwt
from jose import jwt as jose_jwt

HS_KEY = os.environ["GATEWAY_HS_KEY"]


def claims_unverified(token):
    return jwt.decode(token, HS_KEY, algorithms=["HS256"], options={"verify_signature": False})  # expect: CWE-347


def claims_legacy(token):
    return jwt.decode(token, verify=False)  # expect: CWE-347


def claims_jose_unverified(token):
    return jose_jwt.decode(token, HS_KEY, options={"verify_signature": False})  # expect: CWE-347


def claims(token):
    return jwt.decode(token, HS_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]})  # safe: CWE-347


def claims_jose(token):
    return jose_jwt.decode(token, HS_KEY, algorithms=["HS256"])  # safe: CWE-347


def peek_expiry(token):
    # Used only to decide whether to refresh early; never for authorisation.
    header = jwt.get_unverified_header(token)  # safe: CWE-347
    return header.get("exp")
