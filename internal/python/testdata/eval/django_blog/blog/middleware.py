"""Request logging and security headers."""
import logging
import time

logger = logging.getLogger("blog.requests")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        elapsed = time.monotonic() - started
        agent = request.META.get("HTTP_USER_AGENT", "-")
        logger.info(f"{request.method} {response.status_code} {elapsed:.3f}s agent={agent}")  # expect: CWE-117
        logger.info("%s %d %.3fs", request.method, response.status_code, elapsed)  # safe: CWE-117 no request text
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Content-Type-Options"] = "nosniff"  # safe: CWE-113 constant header
        response["Referrer-Policy"] = "same-origin"
        return response


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tenant = request.COOKIES.get("tenant", "")
        clean = tenant.replace("\n", " ").replace("\r", " ")
        logger.debug("tenant cookie: " + clean)  # safe: CWE-117 CR/LF replaced
        return self.get_response(request)
