"""Newsletter and profile forms (Django) plus a packed-record helper."""
import struct

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie, requires_csrf_token

HEADER = struct.Struct(">HHI")


@ensure_csrf_cookie  # safe: CWE-352
def newsletter_form(request):
    return render(request, "newsletter.html")


@requires_csrf_token  # safe: CWE-352
def profile_error(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def subscribe(request):
    if request.method != "POST":
        return JsonResponse({"error": "POST only"}, status=405)
    return JsonResponse({"subscribed": True})


def pack_record(kind, flags, length):
    header = HEADER.pack(kind, flags, length)
    assert len(header) == HEADER.size  # safe: CWE-617 internal invariant
    return header


def unpack_records(blob):
    out = []
    offset = 0
    while offset < len(blob):
        kind, flags, length = HEADER.unpack_from(blob, offset)
        out.append((kind, flags, length))
        offset += HEADER.size + length
    assert offset >= len(blob)  # safe: CWE-617 loop invariant
    return out
