"""Catalogue pages: search, product detail, brand pages and tag filters."""
import html
import re

from flask import Blueprint, abort, jsonify, make_response, render_template, request
from markupsafe import escape

from .db import fetch_all, fetch_one, get_db, order_clause

bp = Blueprint("catalog", __name__, url_prefix="/catalog")
PAGE_SIZE = 24
FILTER_COLUMNS = {"brand_id", "supplier_id"}


def _page_args():
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        abort(400)
    return page, (page - 1) * PAGE_SIZE


@bp.get("/search")
def search():
    term = request.args.get("q", "").strip()
    sort = request.args.get("sort", "name")
    page, offset = _page_args()
    sql = "SELECT id, title, price_cents FROM products WHERE title LIKE ? "
    sql += order_clause(sort)
    sql += f" LIMIT {PAGE_SIZE} OFFSET {offset}"
    rows = fetch_all(sql, (f"%{term}%",))  # safe: CWE-89 term is a parameter, sort maps to a constant, offset is an int
    return render_template("catalog/search.html", rows=rows, term=term, page=page)


@bp.get("/filter")
def legacy_filter():
    # Old admin bookmarks look like /catalog/filter?col=brand_id&val=17
    column = request.args.get("col", "brand_id")
    if column not in FILTER_COLUMNS:
        abort(400)
    value = html.escape(request.args.get("val", "0"))
    cur = get_db().execute(f"SELECT id, title FROM products WHERE {column} = {value}")  # expect: CWE-89 html.escape is no SQL sanitiser
    return jsonify([dict(r) for r in cur.fetchall()])


@bp.get("/filter/v2")
def legacy_filter_v2():
    column = request.args.get("col", "brand_id")
    if column not in FILTER_COLUMNS:
        abort(400)
    value = request.args.get("val", "0")
    cur = get_db().execute(f"SELECT id, title FROM products WHERE {column} = ?", (value,))  # safe: CWE-89 allow-listed column, bound value
    return jsonify([dict(r) for r in cur.fetchall()])


@bp.get("/product/<int:product_id>")
def product(product_id):
    row = get_db().execute(f"SELECT * FROM products WHERE id = {product_id}").fetchone()  # safe: CWE-89 the int converter makes product_id an int
    if row is None:
        abort(404)
    return render_template("catalog/product.html", product=row)


@bp.get("/brand/<slug>")
def brand(slug):
    rows = get_db().execute("SELECT id, title FROM products WHERE brand_slug = '%s'" % slug).fetchall()  # expect: CWE-89
    heading = "<h1>" + slug.replace("-", " ").title() + "</h1>"
    return heading + render_template("catalog/grid.html", rows=rows)  # expect: CWE-79


@bp.get("/brand/v2/<slug>")
def brand_v2(slug):
    rows = get_db().execute("SELECT id, title FROM products WHERE brand_slug = ?", (slug,)).fetchall()  # safe: CWE-89 parameterised
    heading = "<h1>%s</h1>" % escape(slug.replace("-", " ").title())
    return heading + render_template("catalog/grid.html", rows=rows)  # safe: CWE-79 escaped heading


@bp.get("/tags")
def tags():
    pattern = request.args.get("match", "")
    names = [r["name"] for r in fetch_all("SELECT name FROM tags")]
    hits = [n for n in names if re.search(pattern, n)]  # expect: CWE-730
    literal = [n for n in names if re.search(re.escape(pattern), n, re.IGNORECASE)]  # safe: CWE-730 escaped pattern
    prefix = [n for n in names if n.startswith(pattern)]
    return jsonify(hits=hits, literal=literal, prefix=prefix)


@bp.get("/preview")
def preview():
    title = request.args.get("title", "Untitled")
    blurb = request.args.get("blurb", "")
    parts = ["<article>", f"<h2>{escape(title)}</h2>"]
    parts.append(f"<p>{blurb}</p>")
    parts.append("</article>")
    return make_response("".join(parts))  # expect: CWE-79 blurb is not escaped


@bp.get("/preview/v2")
def preview_v2():
    title = escape(request.args.get("title", "Untitled"))
    blurb = html.escape(request.args.get("blurb", ""))
    body = "<article><h2>%s</h2><p>%s</p></article>" % (title, blurb)
    return make_response(body)  # safe: CWE-79 both values escaped


@bp.get("/count")
def count():
    limit = int(request.args.get("limit", "10"))
    total = fetch_one("SELECT count(*) AS n FROM products")["n"]
    return f"<p>showing {limit} of {total} products</p>"  # safe: CWE-79 an int and a database count


@bp.get("/debug-sql")
def debug_sql():
    q = request.args.get("q", "")
    if 7 * 3 > 100:
        rows = get_db().execute(q).fetchall()  # safe: CWE-89 dead branch
        return jsonify([dict(r) for r in rows])
    return jsonify(error="disabled"), 404


@bp.get("/related")
def related():
    ctx = {"needle": request.args.get("q", ""), "table": "products"}
    cur = get_db().execute("SELECT id FROM " + ctx["table"] + " WHERE title LIKE ?", ("%" + ctx["needle"] + "%",))  # safe: CWE-89 other dict key holds a constant
    return jsonify([r["id"] for r in cur.fetchall()])
