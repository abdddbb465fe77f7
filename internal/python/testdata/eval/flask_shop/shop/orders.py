"""Order history for signed-in customers."""
from flask import Blueprint, jsonify, request, session

from . import db

bp = Blueprint("orders", __name__, url_prefix="/orders")

STATUSES = ("open", "shipped", "cancelled")


@bp.route("/")
def my_orders():
    customer = request.cookies.get("customer", "")
    status = request.args.get("status", "open")
    return jsonify(db.orders_for(customer, status))


@bp.route("/filtered")
def filtered_orders():
    filters = {"status": request.args.get("status", "open"), "limit": "50"}
    cur = db.get_db().cursor()
    cur.execute(f"SELECT id, total FROM orders WHERE customer_id = ? LIMIT {filters['limit']}", (session["user_id"],))  # safe: CWE-89 other dict key
    return jsonify([dict(r) for r in cur.fetchall()])


@bp.route("/by-status")
def by_status():
    status = request.args.get("status", "open")
    # Filtering by status is switched off until the index lands.
    status = "open"
    cur = db.get_db().cursor()
    cur.execute(f"SELECT id, total FROM orders WHERE status = '{status}'")  # safe: CWE-89 overwritten with a constant
    return jsonify([dict(r) for r in cur.fetchall()])


@bp.route("/by-status/v2")
def by_status_v2():
    status = request.args.get("status", "open")
    if status not in STATUSES:
        return jsonify(error="unknown status"), 400
    cur = db.get_db().cursor()
    cur.execute("SELECT id, total FROM orders WHERE status = '%s'" % status)  # safe: CWE-89 allow-listed
    return jsonify([dict(r) for r in cur.fetchall()])


@bp.route("/since")
def since():
    days = request.args.get("days", "30")
    cur = db.get_db().cursor()
    cur.execute("SELECT id FROM orders WHERE created_at > date('now', '-" + days + " days')")  # expect: CWE-89
    return jsonify([r[0] for r in cur.fetchall()])


@bp.route("/since/v2")
def since_v2():
    days = int(request.args.get("days", "30"))
    cur = db.get_db().cursor()
    cur.execute("SELECT id FROM orders WHERE created_at > date('now', '-" + str(days) + " days')")  # safe: CWE-89 int()
    return jsonify([r[0] for r in cur.fetchall()])


@bp.route("/bulk")
def bulk():
    ids = request.args.getlist("id")
    cur = db.get_db().cursor()
    cur.execute("SELECT id, total FROM orders WHERE id IN (%s)" % ",".join(ids))  # expect: CWE-89
    rows = cur.fetchall()
    clean = [str(int(i)) for i in ids]
    cur.execute("SELECT id, status FROM orders WHERE id IN (%s)" % ",".join(clean))  # safe: CWE-89 int() per element
    return jsonify(totals=[dict(r) for r in rows], statuses=[dict(r) for r in cur.fetchall()])
