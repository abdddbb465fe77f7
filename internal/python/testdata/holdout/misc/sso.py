"""Single sign-on glue for the partner portal (PyJWT 1.x era code, partly migrated)."""
import os

import jwt
from authlib.jose import jwt as authlib_jwt

PORTAL_PUBLIC_KEY = open(os.environ.get("PORTAL_KEY_FILE", "/etc/portal/public.pem")).read()  # safe: CWE-22 deployment configuration, not request data
PORTAL_AUDIENCE = "portal"


def partner_id(token: str) -> str:
    return jwt.decode(token, PORTAL_PUBLIC_KEY, verify=False)["partner"]  # expect: CWE-347


def partner_id_v2(token: str) -> str:
    return jwt.decode(token, PORTAL_PUBLIC_KEY, algorithms=["RS256"], audience=PORTAL_AUDIENCE)["partner"]  # safe: CWE-347 verified with audience


def partner_claims(token: str) -> dict:
    claims = authlib_jwt.decode(token, PORTAL_PUBLIC_KEY)
    claims.validate()  # safe: CWE-347 authlib verifies the signature in decode
    return dict(claims)


def debug_claims(token: str) -> dict:
    opts = {"verify_signature": False}
    claims = jwt.decode(token, algorithms=["RS256"], options=opts)  # expect: CWE-347 options through a local
    return {"sub": claims.get("sub"), "aud": claims.get("aud")}
