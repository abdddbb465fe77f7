"""Session cookies issued by the single sign-on bridge (Django)."""
import secrets

from django.http import HttpResponseRedirect, JsonResponse
from django.views.decorators.csrf import csrf_exempt


def issue(request):
    token = secrets.token_urlsafe(32)
    resp = JsonResponse({"ok": True})
    resp.set_cookie("sso_token", token)  # expect: CWE-614, CWE-1004
    return resp


def issue_v2(request):
    token = secrets.token_urlsafe(32)
    resp = JsonResponse({"ok": True})
    resp.set_cookie("sso_token", token, secure=True, httponly=True, samesite="Strict")  # safe: CWE-614, CWE-1004
    return resp


def issue_v3(request):
    token = secrets.token_urlsafe(32)
    resp = JsonResponse({"ok": True})
    resp.set_cookie("sso_token", token, secure=True, httponly=False)  # expect: CWE-1004
    return resp


@csrf_exempt  # expect: CWE-352
def bridge_logout(request):
    request.session.flush()
    return HttpResponseRedirect("/")  # safe: CWE-601 constant
