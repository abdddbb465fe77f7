import logging
import subprocess as sp

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt, csrf_protect, ensure_csrf_cookie
from django.views.decorators.http import require_POST

log = logging.getLogger("portal.account")

EXPORT_FORMATS = {"csv": "text/csv", "json": "application/json"}


@csrf_exempt  # expect: CWE-352 state-changing view for logged-in users
@login_required
@require_POST
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save(update_fields=["email"])
    return JsonResponse({"ok": True})


@csrf_protect  # safe: CWE-352 protection enforced
@login_required
@require_POST
def change_name(request):
    request.user.first_name = request.POST.get("first_name", "")[:30]
    request.user.save(update_fields=["first_name"])
    return JsonResponse({"ok": True})


@ensure_csrf_cookie  # safe: CWE-352 only makes sure the token cookie is set
def spa_shell(request):
    return HttpResponse("<div id='app'></div>")


@login_required
def export(request):
    fmt = request.GET.get("format", "csv")
    if (ctype := EXPORT_FORMATS.get(fmt)) is None:
        return JsonResponse({"error": "format"}, status=400)
    out = sp.run(f"/opt/portal/bin/export --user {request.user.pk} --format {fmt}", shell=True, capture_output=True, timeout=60)  # safe: CWE-78 fmt is a key of EXPORT_FORMATS, pk an integer
    return HttpResponse(out.stdout, content_type=ctype)


@login_required
def export_named(request):
    label = request.GET.get("label", "export")
    out = sp.check_output(f"/opt/portal/bin/export --user {request.user.pk} --label {label}", shell=True, timeout=60)  # expect: CWE-78 label reaches the shell
    return HttpResponse(out, content_type="text/csv")


@login_required
@require_POST
def after_save(request):
    return redirect(request.POST.get("next", "/"))  # expect: CWE-601 unchecked next


@login_required
def back(request):
    ref = request.GET.get("ref", "")
    return HttpResponseRedirect(f"/account/?ref={ref}")  # safe: CWE-601 constant local path, ref only in the query string
