"""Token handling for the inventory service."""
import os
from dataclasses import dataclass

import jwt
from fastapi import Header, HTTPException
from jose import jwt as jose_jwt

JWT_KEY = os.environ["INVENTORY_JWT_KEY"]
ALGORITHMS = ["HS256"]
_UNVERIFIED = {"verify_signature": False, "verify_exp": False}


@dataclass
class User:
    id: str
    is_admin: bool = False


def current_user(authorization: str = Header(...)) -> User:
    token = authorization.removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, JWT_KEY, algorithms=ALGORITHMS)  # safe: CWE-347 key and algorithms given
    except jwt.PyJWTError:
        raise HTTPException(401, "bad token")
    return User(id=claims["sub"], is_admin=bool(claims.get("adm")))


def user_from_token(token: str) -> User:
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: CWE-347
    return User(id=claims["sub"], is_admin=bool(claims.get("adm")))


def legacy_user(token: str) -> str:
    return jwt.decode(token, JWT_KEY, algorithms=ALGORITHMS, options=_UNVERIFIED)["sub"]  # expect: CWE-347 options through a module constant


def lenient_expiry(token: str) -> dict:
    return jwt.decode(token, JWT_KEY, algorithms=ALGORITHMS, options={"verify_exp": False})  # safe: CWE-347 signature still verified, only expiry relaxed


def key_id(token: str) -> str:
    return jwt.get_unverified_header(token).get("kid", "default")  # safe: CWE-347 header read only to choose the key


def jose_user(token: str) -> str:
    return jose_jwt.get_unverified_claims(token)["sub"]  # expect: CWE-347


def jose_user_v2(token: str) -> str:
    return jose_jwt.decode(token, JWT_KEY, algorithms=ALGORITHMS)["sub"]  # safe: CWE-347 verified


def issue_token(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, "inventory-signing-key-v1-7f3a", algorithm="HS256")  # expect: CWE-798


def issue_token_v2(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, JWT_KEY, algorithm="HS256")  # safe: CWE-798 key from the environment
