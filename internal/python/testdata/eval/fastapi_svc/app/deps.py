"""Authentication dependencies."""
import os

import jwt
from fastapi import Header, HTTPException
from jose import jwt as jose_jwt

PUBLIC_KEY = open("/etc/inventory/jwt.pub").read()
SIGNING_KEY = os.environ["JWT_SIGNING_KEY"]  # safe: CWE-798


def current_user(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: CWE-347
    return claims["sub"]


def current_user_v2(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience="inventory")  # safe: CWE-347
    except jwt.InvalidTokenError:
        raise HTTPException(status_code=401)
    return claims["sub"]


def key_id(token):
    return jwt.get_unverified_header(token).get("kid")  # safe: CWE-347 header read to pick a key


def tenant_of(authorization: str = Header(...)):
    claims = jose_jwt.get_unverified_claims(authorization.removeprefix("Bearer "))  # expect: CWE-347
    return claims["tenant"]


def service_token(subject):
    return jwt.encode({"sub": subject}, SIGNING_KEY, algorithm="HS256")  # safe: CWE-798


def legacy_service_token(subject):
    return jwt.encode({"sub": subject}, "inventory-hs256-signing-key-2021", algorithm="HS256")  # expect: CWE-798
