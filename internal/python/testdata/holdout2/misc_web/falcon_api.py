import json
import logging
import os
import re

import falcon
import psycopg2

log = logging.getLogger("falcon-orders")
REF_RE = re.compile(r"^[A-Z]{3}-\d{6}$")


class OrderResource:
    def __init__(self, conn):
        self.conn = conn

    def on_get(self, req, resp, ref):
        if not REF_RE.match(ref):
            raise falcon.HTTPBadRequest(title="bad reference")
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT id, total FROM orders WHERE ref = '{ref}'")  # safe: CWE-89 reference matches a strict pattern of letters, digits and a dash
            resp.media = {"order": cur.fetchone()}

    def on_post(self, req, resp, ref):
        note = req.get_media().get("note", "")
        with self.conn.cursor() as cur:
            cur.execute("UPDATE orders SET note = '" + note + "' WHERE ref = %s", (ref,))  # expect: CWE-89 note concatenated
        resp.status = falcon.HTTP_204


class ExportResource:
    def on_get(self, req, resp):
        name = req.get_param("file", required=True)
        resp.stream = open(os.path.join("/srv/orders/exports", name), "rb")  # expect: CWE-22 query parameter joined into a path
        resp.content_type = "text/csv"


class TraceResource:
    def on_get(self, req, resp):
        resp.set_header("X-Trace", req.get_param("trace", default=""))  # expect: CWE-113 parameter copied into a header
        resp.media = {"ok": True}


class AuditResource:
    def on_post(self, req, resp):
        event = req.get_media()
        log.info("audit event %s from %s", event.get("type"), req.remote_addr)  # expect: CWE-117 event type from the body
        resp.media = {"logged": True}


def create_app():
    conn = psycopg2.connect(os.environ["ORDERS_DSN"])
    app = falcon.App()
    app.add_route("/orders/{ref}", OrderResource(conn))
    app.add_route("/exports", ExportResource())
    app.add_route("/trace", TraceResource())
    app.add_route("/audit", AuditResource())
    return app
