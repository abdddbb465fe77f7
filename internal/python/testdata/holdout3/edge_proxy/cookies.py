"""Cookie helpers for Starlette responses."""
import secrets

from starlette.responses import JSONResponse

THEMES = ("light", "dark")


def attach_session(response, sid):
    response.set_cookie("edge_sid", sid, secure=True, httponly=True, samesite="lax")  # safe: CWE-614, CWE-1004 both flags


def attach_theme(response, theme):
    response.set_cookie("edge_theme", theme if theme in THEMES else "light", max_age=31536000)  # expect: CWE-614, CWE-1004 no flags


async def login_ok(request):
    response = JSONResponse({"ok": True})
    attach_session(response, secrets.token_urlsafe(32))
    attach_theme(response, request.query_params.get("theme", "light"))
    return response


async def pick_locale(request):
    response = JSONResponse({"ok": True})
    response.set_cookie("locale", request.query_params.get("locale", "en"), secure=True, httponly=True)  # expect: CWE-20 client-chosen cookie value
    return response
