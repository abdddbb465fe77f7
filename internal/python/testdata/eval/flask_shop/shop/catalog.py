"""Catalog pages: search, listing, product detail."""
import re

from flask import Blueprint, jsonify, render_template, request
from markupsafe import Markup, escape

from . import db

bp = Blueprint("catalog", __name__, url_prefix="/catalog")

SORT_COLUMNS = {"name", "price", "created_at"}
LEGACY_SEARCH = False


@bp.route("/search")
def search():
    term = request.args.get("q", "")
    return jsonify(db.find_products(term))


@bp.route("/search/v2")
def search_v2():
    term = request.args.get("q", "")
    return jsonify(db.find_products_safe(term))


@bp.route("/list")
def listing():
    column = request.args.get("sort", "name")
    direction = request.args.get("dir", "asc")
    if column not in SORT_COLUMNS:
        column = "name"
    direction = "DESC" if direction == "desc" else "ASC"
    return jsonify(db.products_sorted(column, direction))


@bp.route("/item")
def item():
    product_id = int(request.args["id"])
    return jsonify(db.get_product(product_id))


@bp.route("/p/<slug>")
def product(slug):
    found = db.get_product_by_slug(slug)
    if found is None:
        return f"<h1>No product called {slug}</h1>", 404  # expect: CWE-79
    return render_template("product.html", item=found)  # safe: CWE-79 autoescaped template


@bp.route("/p/<slug>/title")
def product_title(slug):
    return f"<h1>{escape(slug)}</h1>"  # safe: CWE-79 escaped


@bp.route("/badge")
def badge():
    label = request.args.get("label", "new")
    return Markup(f"<span class='badge'>{label}</span>")  # expect: CWE-79


@bp.route("/badge/v2")
def badge_v2():
    label = request.args.get("label", "new")
    return Markup("<span class='badge'>{}</span>").format(label)  # safe: CWE-79 Markup.format escapes arguments


@bp.route("/highlight")
def highlight():
    word = request.args.get("w", "")
    text = db.get_description(int(request.args.get("id", "0")))
    pattern = re.compile(word, re.IGNORECASE)  # expect: CWE-730
    return jsonify(matches=pattern.findall(text))


@bp.route("/highlight/v2")
def highlight_v2():
    word = request.args.get("w", "")
    text = db.get_description(int(request.args.get("id", "0")))
    pattern = re.compile(re.escape(word), re.IGNORECASE)  # safe: CWE-730 escaped
    return jsonify(matches=pattern.findall(text))


@bp.route("/sku")
def sku_lookup():
    sku = request.args.get("sku", "")
    if not re.fullmatch(r"[A-Z]{3}-\d{4}", sku):  # safe: CWE-730 constant pattern, tainted subject
        return jsonify(error="bad sku"), 400
    return jsonify(db.find_products_safe(sku))


@bp.route("/legacy")
def legacy_search():
    term = request.args.get("q", "")
    cur = db.get_db().cursor()
    if LEGACY_SEARCH:
        cur.execute(f"SELECT id, name FROM products WHERE name = '{term}'")  # safe: CWE-89 dead branch (constant flag)
    if 7 * 3 > 100:
        cur.execute("SELECT id, name FROM products WHERE name = '" + term + "'")  # safe: CWE-89 dead branch
    cur.execute("SELECT id, name FROM products WHERE name = ?", (term,))  # safe: CWE-89
    return jsonify([dict(r) for r in cur.fetchall()])


@bp.route("/stats")
def stats():
    return jsonify(products=db.count_rows("products"), orders=db.count_rows("orders"))
