"""Request id and audit middleware."""
import logging
import uuid

audit_log = logging.getLogger("opsdesk.audit")


class RequestIdMiddleware:
    """Echoes the caller's request id (kept for the legacy load balancer)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-Id"] = rid  # expect: CWE-113 header copied from the request
        return response


class SafeRequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = request.headers.get("X-Request-Id", "")
        try:
            rid = str(uuid.UUID(rid))
        except ValueError:
            rid = uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-Id"] = rid  # safe: CWE-113 normalised through uuid.UUID
        return response


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        agent = request.META.get("HTTP_USER_AGENT", "")
        audit_log.info("ua=%s", agent)  # expect: CWE-117 user agent logged raw
        cleaned = agent.replace("\r", "\\r").replace("\n", "\\n")
        audit_log.debug("ua(clean)=%s", cleaned)  # safe: CWE-117 CR/LF replaced
        return self.get_response(request)
