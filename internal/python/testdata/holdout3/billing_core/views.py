"""Invoice pages and JSON endpoints."""
from flask import Blueprint, jsonify, redirect, request, url_for
from markupsafe import escape

from .db import get_conn
from .pdf import render_invoice_pdf as make_pdf
from .repository import InvoiceRepository as Repo
from .request_ctx import InvoiceQuery

bp = Blueprint("invoices", __name__)


@bp.route("/search")
def search():
    q = InvoiceQuery(request)
    return jsonify(rows=Repo(get_conn()).search(q))


@bp.route("/search/v2")
def search_v2():
    q = InvoiceQuery(request)
    return jsonify(rows=Repo(get_conn()).search_params(q))


@bp.route("/sorted")
def sorted_page():
    q = InvoiceQuery(request)
    repo = Repo(get_conn())
    if request.args.get("legacy"):
        return jsonify(rows=repo.sorted_page_raw(q))
    return jsonify(rows=repo.sorted_page(q))


@bp.route("/by-status")
def by_status():
    q = InvoiceQuery(request)
    repo = Repo(get_conn())
    try:
        ids = repo.by_status(q)
    except ValueError:
        return jsonify(error="unknown status"), 400
    return jsonify(ids=ids, regional=repo.by_region(q))


@bp.route("/by-customer")
def by_customer():
    return jsonify(ids=Repo(get_conn()).by_customer_display(InvoiceQuery(request)))


@bp.route("/<int:invoice_id>/title")
def title(invoice_id):
    heading = request.args.get("heading", "Invoice")
    parts = ["<h1>"]
    parts.append(heading)
    parts.append(f" #{invoice_id}</h1>")
    return "".join(parts)  # expect: CWE-79 list.append then join


@bp.route("/<int:invoice_id>/title/escaped")
def title_escaped(invoice_id):
    heading = request.args.get("heading", "Invoice")
    parts = ["<h1>", str(escape(heading)), f" #{invoice_id}</h1>"]
    return "".join(parts)  # safe: CWE-79 escaped before the join


@bp.route("/<int:invoice_id>/done")
def done(invoice_id):
    target = request.args.get("return_to") or url_for("invoices.search")
    return redirect(target)  # expect: CWE-601 falls back to url_for only when empty


@bp.route("/<int:invoice_id>/back")
def back(invoice_id):
    target = request.args.get("return_to", "")
    target = url_for("invoices.title", invoice_id=invoice_id)
    return redirect(target)  # safe: CWE-601 overwritten with url_for


@bp.route("/<int:invoice_id>/pdf", methods=["POST"])
def pdf(invoice_id):
    path = make_pdf(invoice_id, request.form.get("watermark", "draft"))
    return jsonify(path=path)
