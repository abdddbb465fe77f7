"""Login endpoints for the mobile web client (FastAPI)."""
import logging
import secrets

from fastapi import FastAPI, Form, HTTPException, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

app = FastAPI()
log = logging.getLogger("session_api")
SESSIONS = {}


def _check(username: str, password: str) -> bool:
    from .users import verify

    return verify(username, password)


@app.post("/login")
async def login(response: Response, username: str = Form(...), password: str = Form(...)):
    if not _check(username, password):
        log.warning("bad password for %r", username)  # safe: CWE-117, CWE-532 %r of the user name, no secret
        raise HTTPException(401)
    sid = secrets.token_urlsafe(32)
    SESSIONS[sid] = username
    response.set_cookie("sid", sid, httponly=True, secure=True, samesite="strict")  # safe: CWE-614, CWE-1004
    response.set_cookie("user_hint", username, max_age=86400)  # expect: CWE-614, CWE-1004, CWE-20 client-chosen value, no flags
    return {"ok": True}


@app.post("/login-debug")
async def login_debug(username: str = Form(...), password: str = Form(...)):
    log.info("login attempt %s / %s", username, password)  # expect: CWE-117, CWE-532 raw user name and the password itself
    return JSONResponse({"ok": _check(username, password)})


@app.get("/logout")
async def logout(request: Request):
    SESSIONS.pop(request.cookies.get("sid", ""), None)
    resp = RedirectResponse("/login", status_code=303)  # safe: CWE-601 constant
    resp.delete_cookie("sid")
    return resp
