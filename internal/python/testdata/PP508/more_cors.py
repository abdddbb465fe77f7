"""CORS: an origin regex that admits every host, and hand-rolled middleware."""
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

partner = FastAPI()
partner.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*", allow_credentials=True)  # want: PP508

pinned = FastAPI()
pinned.add_middleware(CORSMiddleware, allow_origin_regex=r"https://[a-z]+\.example\.com", allow_credentials=True)  # safe look-alike


class CorsEchoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.META.get("HTTP_ORIGIN")
        if origin:
            response["Access-Control-Allow-Origin"] = origin  # want: PP508
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
            response["Access-Control-Allow-Origin"] = origin  # safe look-alike: allow-listed by a class attribute
            response["Access-Control-Allow-Credentials"] = "true"
        return response
