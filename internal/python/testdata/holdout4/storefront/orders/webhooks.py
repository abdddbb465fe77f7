"""Carrier tracking webhooks, signed with HMAC-SHA256."""
import base64
import hashlib
import hmac
import json
import logging
import pickle

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .models import Order

log = logging.getLogger(__name__)


def _signature_ok(request):
    sig = request.headers.get("X-Carrier-Signature", "")
    mac = hmac.new(settings.WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()  # safe: CWE-328 SHA-256
    return hmac.compare_digest(mac, sig)


@method_decorator(csrf_exempt, name="dispatch")  # expect: CWE-352
class CarrierWebhook(View):
    def post(self, request):
        if not _signature_ok(request):
            return HttpResponseBadRequest("bad signature")
        event = json.loads(request.body)  # safe: CWE-502 JSON
        state = event.get("state", "unknown")
        log.info("carrier event %s", json.dumps(state))  # safe: CWE-117 json.dumps
        blob = event.get("context")
        ctx = pickle.loads(base64.b64decode(blob)) if blob else {}  # expect: CWE-502 signed but still client data
        Order.objects.filter(pk=int(event["order"])).update(status="shipped")
        return JsonResponse({"received": True, "keys": sorted(ctx)})
