import logging
import os
import subprocess

from flask import Blueprint, current_app, g, jsonify, request
from flask.views import MethodView

from ..lib import db as dbx

bp = Blueprint("admin", __name__)
log = logging.getLogger("billing.admin")

MAINTENANCE_TASKS = {
    "vacuum": ["/usr/bin/vacuumdb", "--analyze", "billing"],
    "reindex": ["/usr/bin/reindexdb", "billing"],
}


class InvoiceStats(MethodView):
    def get(self):
        column = request.args.get("by", "status")
        value = request.args.get("value", "open")
        total = dbx.count_where(column, value)
        checked = dbx.count_checked(column, value)
        return jsonify(total=total, checked=checked)


class Maintenance(MethodView):
    def post(self):
        assert g.user.is_admin, "admin only"  # expect: CWE-617 access check vanishes under python -O
        task = request.form["task"]
        argv = MAINTENANCE_TASKS.get(task)
        if argv is None:
            return jsonify(error="unknown task"), 400
        subprocess.run(argv, check=True, timeout=600)  # safe: CWE-78 fixed argv chosen from a dict
        log.info("maintenance task %r started by %s", task, g.user.id)  # safe: CWE-117 %r escapes line breaks
        return jsonify(ok=True)


class Diagnostics(MethodView):
    def post(self):
        if not g.user.is_admin:
            return jsonify(error="forbidden"), 403
        host = request.form.get("host", "")
        out = os.popen("ping -c 3 " + host).read()  # expect: CWE-78 host appended to a shell command
        return jsonify(output=out)


class Batch(MethodView):
    def post(self):
        if not g.user.is_admin:
            return jsonify(error="forbidden"), 403
        payload = request.get_json(force=True)
        assert isinstance(payload.get("ids"), list), "ids must be a list"  # safe: CWE-617 input-shape check, not access control
        ids = [int(x) for x in payload["ids"]]
        cur = dbx.get_conn().cursor()
        cur.execute("UPDATE invoices SET status = 'void' WHERE id = ANY(%s)", (ids,))  # safe: CWE-89 parameterised
        log.warning("voided invoices %s on behalf of %s", ids, payload.get("requested_by"))  # expect: CWE-117 requested_by is raw JSON text
        return jsonify(count=cur.rowcount)


bp.add_url_rule("/stats", view_func=InvoiceStats.as_view("stats"))
bp.add_url_rule("/maintenance", view_func=Maintenance.as_view("maintenance"))
bp.add_url_rule("/diagnostics", view_func=Diagnostics.as_view("diagnostics"))
bp.add_url_rule("/batch", view_func=Batch.as_view("batch"))
