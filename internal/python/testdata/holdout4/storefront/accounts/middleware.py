import re
import uuid

RID_RE = re.compile(r"[A-Za-z0-9-]{8,64}")
PARTNER_ORIGINS = {"https://partner-a.example", "https://partner-b.example"}


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        rid = request.headers.get("X-Request-ID", "")
        if RID_RE.fullmatch(rid):
            response["X-Request-ID"] = rid  # safe: CWE-113 strict fullmatch
        else:
            response["X-Request-ID"] = str(uuid.uuid4())  # safe: CWE-113 server value
        return response


class PartnerCorsMiddleware:
    """Lets partner dashboards call the API with the user's session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.headers.get("Origin")
        if origin:
            response["Access-Control-Allow-Origin"] = origin  # expect: CWE-942, CWE-113
            response["Access-Control-Allow-Credentials"] = "true"
        return response


class PartnerCorsMiddlewareV2:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.headers.get("Origin", "")
        if origin in PARTNER_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin  # safe: CWE-942, CWE-113 allow-list
            response["Access-Control-Allow-Credentials"] = "true"
            response["Vary"] = "Origin"
        return response
