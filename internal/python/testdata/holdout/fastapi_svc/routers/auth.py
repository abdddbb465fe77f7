"""Cookie-based sign-in for the inventory web UI."""
from fastapi import APIRouter, Form, HTTPException, Response

from ..security import issue_token_v2

router = APIRouter(prefix="/auth")
COOKIE_FLAGS = {"secure": True, "httponly": True, "samesite": "strict"}


def check(username: str, password: str) -> bool:
    return bool(username and password)


@router.post("/login")
def login(response: Response, username: str = Form(...), password: str = Form(...)):
    if not check(username, password):
        raise HTTPException(401)
    response.set_cookie("access_token", issue_token_v2(username), httponly=True)  # expect: CWE-614
    return {"ok": True}


@router.post("/login/v2")
def login_v2(response: Response, username: str = Form(...), password: str = Form(...)):
    if not check(username, password):
        raise HTTPException(401)
    response.set_cookie(key="access_token", value=issue_token_v2(username), httponly=True, secure=True, samesite="lax")  # safe: CWE-614, CWE-1004 both flags set
    return {"ok": True}


@router.post("/login/v3")
def login_v3(response: Response, username: str = Form(...), password: str = Form(...)):
    if not check(username, password):
        raise HTTPException(401)
    response.set_cookie("access_token", issue_token_v2(username), **COOKIE_FLAGS)  # safe: CWE-614, CWE-1004 flags passed through a constant dict
    return {"ok": True}


@router.post("/refresh")
def refresh(response: Response, username: str = Form(...)):
    response.set_cookie("refresh_token", issue_token_v2(username), secure=True, httponly=False)  # expect: CWE-1004
    return {"ok": True}
