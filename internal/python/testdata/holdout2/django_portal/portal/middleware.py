import logging
import re
import uuid

log = logging.getLogger("portal.audit")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request_id  # safe: CWE-113 validated by a strict fullmatch
        response["X-Correlation-ID"] = request.META.get("HTTP_X_CORRELATION_ID", "")  # expect: CWE-113 header copied verbatim
        return response


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        agent = request.META.get("HTTP_USER_AGENT", "")
        log.info("%s %s ua=%s", request.method, request.path, agent)  # expect: CWE-117 path and user agent logged raw
        log.info("status=%s user=%s", response.status_code, getattr(request.user, "pk", None))  # safe: CWE-117 server values
        return response


class LegacyCorsMiddleware:
    """Kept for the old widget embed; mounted only on /widget/ by the ops config."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.META.get("HTTP_ORIGIN")
        if origin:
            response["Access-Control-Allow-Origin"] = origin  # expect: CWE-942, CWE-113 any origin echoed back with credentials
            response["Access-Control-Allow-Credentials"] = "true"
        return response
