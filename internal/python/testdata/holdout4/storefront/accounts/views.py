import logging

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import ensure_csrf_cookie

log = logging.getLogger(__name__)
LANGUAGES = {"en", "fr", "de", "es"}
TIMEZONES = {"UTC", "Europe/Paris", "Europe/Berlin", "America/New_York"}


def login_view(request):
    if request.method != "POST":
        return render(request, "accounts/login.html")
    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    user = authenticate(request, username=username, password=password)
    if user is None:
        log.warning("failed login for %r", username)  # safe: CWE-117 %r
        return render(request, "accounts/login.html", {"error": True}, status=401)
    login(request, user)
    nxt = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts=set(settings.ALLOWED_HOSTS)):
        nxt = "/"
    return redirect(nxt)  # safe: CWE-601 checked


def set_theme(request):
    theme = request.GET.get("theme", "light")
    request.session["theme"] = theme  # expect: CWE-501
    return redirect("/")


def set_timezone(request):
    tz = request.POST.get("tz", "UTC")
    if tz in TIMEZONES:
        request.session["tz"] = tz  # safe: CWE-501 allow-list
    return redirect("/")


def set_page_size(request):
    request.session["page_size"] = min(int(request.GET.get("n", 25)), 100)  # safe: CWE-501 int()
    return redirect("/")


def remember_lang(request):
    lang = request.GET.get("lang", "en")
    resp = redirect("/")
    resp.set_cookie("lang", lang, secure=True, httponly=True, samesite="Lax")  # expect: CWE-20
    return resp


def remember_lang_checked(request):
    lang = request.GET.get("lang", "en")
    resp = redirect("/")
    resp.set_cookie("lang", lang if lang in LANGUAGES else "en", secure=True, httponly=True, samesite="Lax")  # safe: CWE-20 allow-list
    return resp


def whoami(request):
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login required"}, status=401)
    return JsonResponse({"id": request.user.pk, "name": request.user.get_full_name()})


@ensure_csrf_cookie  # safe: CWE-352
def csrf_bootstrap(request):
    return JsonResponse({"ok": True})


def staff_dashboard(request):
    if not request.user.is_staff:
        return JsonResponse({"error": "forbidden"}, status=403)  # safe: CWE-617 real check
    count = len(LANGUAGES)
    assert count > 0  # safe: CWE-617 data invariant
    return JsonResponse({"languages": count})
