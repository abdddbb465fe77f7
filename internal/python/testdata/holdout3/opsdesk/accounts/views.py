"""Account views: SSO callback, directory lookups, admin actions."""
import zoneinfo

from django.contrib.auth.models import User
from django.http import JsonResponse
from django.shortcuts import redirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect, ensure_csrf_cookie
from django.views.decorators.http import require_POST

from .directory import DirectoryClient as Dir


@csrf_exempt  # expect: CWE-352
@require_POST
def sso_callback(request):
    request.session["sso_state"] = "complete"  # safe: CWE-501 constant
    return redirect("/")


@require_POST
@csrf_protect
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


@ensure_csrf_cookie  # safe: CWE-352 sets the token, does not disable the check
def login_form(request):
    return render(request, "accounts/login.html")


def start_login(request):
    request.session["post_login"] = request.GET.get("next", "/")  # expect: CWE-501
    return redirect("/sso/start/")


def set_timezone(request):
    tz = request.GET.get("tz", "UTC")
    if tz in zoneinfo.available_timezones():
        request.session["tz"] = tz  # safe: CWE-501 validated against the tz database
    return JsonResponse({"tz": request.session.get("tz", "UTC")})


def lookup(request):
    client = Dir()
    login = request.GET.get("login", "")
    if request.GET.get("strict"):
        return JsonResponse({"found": bool(client.find_user_v2(login))})
    return JsonResponse({"found": bool(client.find_user(login))})


def group_members(request, group):
    client = Dir()
    if request.GET.get("v") == "2":
        return JsonResponse({"members": len(client.members_v2(group))})
    return JsonResponse({"members": len(client.members(group))})


@require_POST
def purge_user(request, user_id):
    assert request.user.is_superuser, "superuser only"  # expect: CWE-617
    assert user_id > 0  # safe: CWE-617 data invariant
    User.objects.filter(pk=user_id).delete()
    return JsonResponse({"deleted": user_id})
