from flask import Blueprint, abort, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

from ..lib import db as dbx

bp = Blueprint("invoices", __name__)

SORTABLE = ("issued_at", "due_at", "amount_cents", "status")


@bp.get("/search")
def search():
    customer = request.args.get("customer", "")
    status = request.args.get("status", "open")
    cur = dbx.get_conn().cursor()
    sql = "SELECT id, number, amount_cents FROM invoices WHERE status = %s"
    params = [status]
    if customer:
        sql += " AND customer_name ILIKE %s"
        params.append(f"%{customer}%")
    cur.execute(sql, params)  # safe: CWE-89 both values are bound parameters
    return jsonify(rows=cur.fetchall())


@bp.get("/list")
def list_invoices():
    sort = request.args.get("sort", "issued_at")
    direction = "DESC" if request.args.get("desc") == "1" else "ASC"
    if sort not in SORTABLE:
        abort(400)
    cur = dbx.get_conn().cursor()
    cur.execute(f"SELECT id, number FROM invoices ORDER BY {sort} {direction} LIMIT 100")  # safe: CWE-89 sort is one of SORTABLE, direction one of two constants
    return jsonify(rows=cur.fetchall())


@bp.get("/by-reference")
def by_reference():
    ref = request.args["ref"].strip()
    cur = dbx.get_conn().cursor()
    query = "SELECT id, number, amount_cents FROM invoices WHERE external_ref = '"
    query += ref + "'"
    cur.execute(query)  # expect: CWE-89 reference concatenated in two steps
    return jsonify(rows=cur.fetchall())


@bp.get("/<int:invoice_id>/note")
def note(invoice_id):
    cur = dbx.get_conn().cursor()
    cur.execute(f"SELECT note FROM invoices WHERE id = {invoice_id}")  # safe: CWE-89 int route converter
    row = cur.fetchone()
    return jsonify(note=row[0] if row else None)


@bp.get("/lookup")
def lookup():
    number = request.args.get("number", "")
    row = dbx.find_invoice(number)
    if row is None:
        return make_response(f"<p>No invoice numbered {number}</p>", 404)  # expect: CWE-79 reflected in an HTML body
    return jsonify(id=row[0], number=row[1], amount_cents=row[2])


@bp.get("/lookup-safe")
def lookup_safe():
    number = request.args.get("number", "")
    row = dbx.find_invoice(number)
    if row is None:
        return make_response(f"<p>No invoice numbered {escape(number)}</p>", 404)  # safe: CWE-79 escaped
    return jsonify(id=row[0])


@bp.get("/banner")
def banner():
    msg = request.args.get("msg", "")
    html = Markup(f"<div class='banner'>{msg}</div>")  # expect: CWE-79 formatted before Markup, so nothing is escaped
    return render_template("banner.html", banner=html)


@bp.get("/heading")
def heading():
    title = request.args.get("title", "Invoices")
    html = Markup("<h1 class='page-title'>%s</h1>") % title  # safe: CWE-79 Markup's % operator escapes the argument
    return render_template("page.html", heading=html)
