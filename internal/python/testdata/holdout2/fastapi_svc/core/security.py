import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .config import Settings, get_settings

bearer = HTTPBearer()

LEGACY_SIGNING_KEY = "inv-legacy-7Q2mZ9xR4tW8pL3v"  # expect: CWE-798 JWT signing key committed


def current_claims(creds: HTTPAuthorizationCredentials = Depends(bearer), settings: Settings = Depends(get_settings)) -> dict:
    try:
        return jwt.decode(creds.credentials, settings.jwt_secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})  # safe: CWE-347 signature verified
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")


def legacy_claims(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> dict:
    return jwt.decode(creds.credentials, options={"verify_signature": False})  # expect: CWE-347 claims trusted without a signature check


def token_kid(token: str) -> str:
    return jwt.get_unverified_header(token).get("kid", "")  # safe: CWE-347 only picks the key id; decode verifies later


def sign_legacy(sub: str) -> str:
    return jwt.encode({"sub": sub}, LEGACY_SIGNING_KEY, algorithm="HS256")


def require_admin(claims: dict = Depends(current_claims)) -> dict:
    if "admin" not in claims.get("roles", []):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "admin only")
    return claims
