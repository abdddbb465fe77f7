"""Response middleware: request ids and a hand-rolled CORS layer for the widget."""
import uuid


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        rid = request.GET.get("rid") or uuid.uuid4().hex
        response["X-Request-Id"] = rid  # expect: CWE-113
        return response


class SafeRequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            rid = str(uuid.UUID(request.GET.get("rid", "")))
        except ValueError:
            rid = uuid.uuid4().hex
        response["X-Request-Id"] = rid  # safe: CWE-113 parsed as a UUID
        return response


class CorsEchoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.META.get("HTTP_ORIGIN")
        if origin:
            response["Access-Control-Allow-Origin"] = origin  # expect: CWE-942 any origin echoed with credentials
            response["Access-Control-Allow-Credentials"] = "true"
        return response


class CorsAllowListMiddleware:
    ALLOWED = frozenset({"https://crm.example.com", "https://app.example.com"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.META.get("HTTP_ORIGIN", "")
        if origin in self.ALLOWED:
            response["Access-Control-Allow-Origin"] = origin  # safe: CWE-942, CWE-113 allow-listed origin
            response["Access-Control-Allow-Credentials"] = "true"
        return response
