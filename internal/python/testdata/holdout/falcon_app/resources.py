"""Falcon resources for the sales reporting API."""
import os
import tarfile
from urllib.parse import quote

import falcon


class ReportResource:
    def __init__(self, db):
        self.db = db

    def on_get(self, req, resp):
        year = req.get_param_as_int("year", default=2024)
        region = req.get_param("region", default="eu")
        cur = self.db.cursor()
        cur.execute(f"SELECT * FROM sales WHERE year = {year} AND region = '{region}'")  # expect: CWE-89 region is a raw string
        resp.media = cur.fetchall()


class ReportByYearResource:
    def __init__(self, db):
        self.db = db

    def on_get(self, req, resp):
        year = req.get_param_as_int("year", default=2024)
        cur = self.db.cursor()
        cur.execute(f"SELECT * FROM sales WHERE year = {year}")  # safe: CWE-89 get_param_as_int
        resp.media = cur.fetchall()


class ArchiveResource:
    def on_post(self, req, resp):
        body = req.media
        dest = os.path.join("/srv/archive", body["dest"])
        with tarfile.open(fileobj=req.bounded_stream, mode="r|gz") as tar:
            tar.extractall(dest)  # expect: CWE-22
        resp.media = {"ok": True}


class GreetingResource:
    def on_get(self, req, resp, name):
        resp.content_type = falcon.MEDIA_HTML
        resp.text = "<p>Welcome back, " + name + "</p>"  # expect: CWE-79


class ExportNameResource:
    def on_get(self, req, resp):
        resp.set_header("X-Export-Name", req.get_param("name") or "export")  # expect: CWE-113
        resp.media = {"ok": True}


class ExportNameQuotedResource:
    def on_get(self, req, resp):
        resp.set_header("X-Export-Name", quote(req.get_param("name") or "export"))  # safe: CWE-113 percent-encoded
        resp.media = {"ok": True}


class LookupResource:
    def __init__(self, mongo):
        self.items = mongo.sales.items

    def on_post(self, req, resp):
        resp.media = list(self.items.find(req.media, {"_id": 0}))  # expect: CWE-943


def create_app(db, mongo):
    app = falcon.App()
    app.add_route("/reports", ReportResource(db))
    app.add_route("/reports/by-year", ReportByYearResource(db))
    app.add_route("/archive", ArchiveResource())
    app.add_route("/hello/{name}", GreetingResource())
    app.add_route("/export-name", ExportNameResource())
    app.add_route("/export-name/v2", ExportNameQuotedResource())
    app.add_route("/lookup", LookupResource(mongo))
    return app
