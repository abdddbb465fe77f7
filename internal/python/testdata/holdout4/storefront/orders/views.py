import json
import logging
import os

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from .models import Order, OrderNote

log = logging.getLogger(__name__)
RECEIPTS_DIR = os.path.join(settings.MEDIA_ROOT, "receipts")


def receipt(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    return FileResponse(open(os.path.join(RECEIPTS_DIR, f"{order.pk}.pdf"), "rb"))  # safe: CWE-22 primary key from the database


def receipt_by_name(request):
    name = request.GET.get("file", "")
    path = os.path.join(RECEIPTS_DIR, name)
    return FileResponse(open(path, "rb"))  # expect: CWE-22


def receipt_by_basename(request):
    name = os.path.basename(request.GET.get("file", ""))
    return FileResponse(open(os.path.join(RECEIPTS_DIR, name), "rb"))  # safe: CWE-22 basename


def receipt_checked(request):
    base = os.path.realpath(RECEIPTS_DIR)
    path = os.path.realpath(os.path.join(base, request.GET.get("file", "")))
    if os.path.commonpath([path, base]) != base:
        raise Http404("no such receipt")
    return FileResponse(open(path, "rb"))  # safe: CWE-22 realpath + commonpath


def after_checkout(request):
    nxt = request.GET.get("next", "/orders/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=True):
        return redirect(nxt)  # safe: CWE-601 url_has_allowed_host_and_scheme
    return redirect("/orders/")


def continue_shopping(request):
    back = request.POST.get("return_to") or "/"
    return HttpResponseRedirect(back)  # expect: CWE-601


def cancel_redirect(request):
    next_url = request.GET.get("next", "")
    if "shop.example.com" in next_url:  # expect: CWE-20
        return redirect(next_url)  # expect: CWE-601
    return redirect("/")


def order_page(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    return redirect(f"/orders/{order.pk}/summary/")  # safe: CWE-601 constant prefix and database id


@csrf_exempt  # expect: CWE-352
@require_POST
def payment_notification(request):
    event = json.loads(request.body)
    Order.objects.filter(pk=int(event["order_id"])).update(status="paid")
    return JsonResponse({"ok": True})


@csrf_protect  # safe: CWE-352 protection kept
@require_POST
def update_address(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    order.shipping_address = request.POST.get("address", "")[:500]
    order.save(update_fields=["shipping_address"])
    return JsonResponse({"ok": True})


@require_POST
def add_note(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    note = request.POST.get("note", "")
    OrderNote.objects.create(order=order, text=note)  # safe: CWE-89 ORM
    log.info("note added to order %s: %s", order.pk, note)  # expect: CWE-117
    return JsonResponse({"ok": True})


@require_POST
def add_note_v2(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    note = request.POST.get("note", "")
    OrderNote.objects.create(order=order, text=note)
    flat = note.replace("\r", " ").replace("\n", " ")
    log.info("note added to order %s: %s", order.pk, flat)  # safe: CWE-117 CR/LF removed
    log.info("note length for order %s: %d", order.pk, len(note))  # safe: CWE-117 length only
    return JsonResponse({"ok": True})


@csrf_protect  # safe: CWE-352
@require_POST
def cancel_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    order.status = "cancelled"
    order.save(update_fields=["status"])
    return JsonResponse({"ok": True})
