"""Response headers set from request data in Falcon, Django middleware and Flask."""
import uuid
from urllib.parse import quote

import falcon
from flask import Blueprint, Response, request
from werkzeug.utils import secure_filename

bp = Blueprint("exports", __name__)


class ExportNameResource:
    def on_get(self, req, resp):
        resp.set_header("X-Export-Name", req.get_param("name") or "export")  # want: PP212
        resp.media = {"ok": True}


class ExportNameQuotedResource:
    def on_get(self, req, resp):
        resp.set_header("X-Export-Name", quote(req.get_param("name") or "export"))  # safe look-alike: percent-encoded
        resp.media = {"ok": True}


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Request-Id"] = request.GET.get("rid") or uuid.uuid4().hex  # want: PP212
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
        response["X-Request-Id"] = rid  # safe look-alike: parsed as a UUID
        return response


@bp.get("/download")
def download():
    name = request.args.get("name", "report.csv")
    return Response("a,b\n", mimetype="text/csv", headers={"X-Export-Name": name})  # want: PP212


@bp.get("/download/safe")
def download_safe():
    name = secure_filename(request.args.get("name", "report.csv"))
    return Response("a,b\n", mimetype="text/csv", headers={"X-Export-Name": quote(name)})  # safe look-alike: quoted


def create_app():
    api = falcon.App()
    api.add_route("/export", ExportNameResource())
    api.add_route("/export/v2", ExportNameQuotedResource())
    return api
