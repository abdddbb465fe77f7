"""Small function views used by the ticket editor."""
import logging

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

log = logging.getLogger("opsdesk.tickets")


@require_POST
def preview(request):
    body = request.POST.get("body", "")
    lines = body.splitlines()
    html = "<br>".join(lines)
    return HttpResponse(html)  # expect: CWE-79 join of request lines


@require_POST
def preview_v2(request):
    body = request.POST.get("body", "")
    html = "<br>".join(escape(line) for line in body.splitlines())
    return HttpResponse(html)  # safe: CWE-79 each line escaped


def ticket_meta(request):
    return JsonResponse({"title": request.GET.get("title", ""), "ok": True})  # safe: CWE-79 JSON response


def after_close(request):
    nxt = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=True):
        return redirect(nxt)  # safe: CWE-601 checked host and scheme
    return redirect("/tickets/")


def after_reopen(request):
    nxt = request.GET.get("next", "/")
    if nxt.startswith("/"):
        return HttpResponseRedirect(nxt)  # expect: CWE-601 "//evil.example" passes a single-slash check
    return HttpResponseRedirect("/tickets/")


def jump(request, slug):
    return redirect("/tickets/" + slug)  # safe: CWE-601 path behind a constant prefix


@require_POST
def inbound_mail(request):
    sender = request.POST.get("sender", "")
    log.info("inbound mail from %s", sender)  # expect: CWE-117
    log.info("inbound mail size %d", len(request.POST.get("body", "")))  # safe: CWE-117 integer length
    return JsonResponse({"queued": True})
