"""Cookie flags passed through a constant options dict."""
from fastapi import APIRouter, Response

router = APIRouter()
COOKIE_FLAGS = {"secure": True, "httponly": True, "samesite": "lax"}
SECURE_ONLY = {"secure": True, "samesite": "lax"}


@router.post("/login")
def login(response: Response):
    response.set_cookie("access_token", "opaque", **COOKIE_FLAGS)  # safe look-alike: httponly comes from the dict
    response.set_cookie("refresh_token", "opaque", **SECURE_ONLY)  # want: PP505
    return {"ok": True}
