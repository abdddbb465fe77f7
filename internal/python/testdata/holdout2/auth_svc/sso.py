"""Token handling for the partner SSO bridge (python-jose and PyJWT)."""
import os

import jwt as pyjwt
from jose import jwt as jose_jwt

PARTNER_JWKS = {"keys": []}  # loaded at start-up by bridge.py
NO_VERIFY = {"verify_signature": False}


def partner_claims(token):
    return jose_jwt.decode(token, PARTNER_JWKS, algorithms=["RS256"], audience="portal")  # safe: CWE-347 verified against the partner keys


def partner_login_subject(token):
    """The bridge logs the user in as the returned subject."""
    claims = jose_jwt.get_unverified_claims(token)  # expect: CWE-347 subject taken from an unverified token
    return claims["sub"]


def internal_claims(token):
    return pyjwt.decode(token, algorithms=["HS256"], options=NO_VERIFY)  # expect: CWE-347 options constant disables the signature check


def internal_claims_v2(token):
    return pyjwt.decode(token, os.environ["INTERNAL_JWT_KEY"], algorithms=["HS256"])  # safe: CWE-347 key and algorithm list
