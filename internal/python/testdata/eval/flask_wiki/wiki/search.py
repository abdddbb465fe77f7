"""Page search."""
import re

from flask import Blueprint, jsonify, request

from .store import all_titles, page_xml

bp = Blueprint("search", __name__, url_prefix="/search")


@bp.route("/titles")
def titles():
    pattern = request.args.get("re", "")
    rx = re.compile(pattern, re.I)  # expect: CWE-730
    return jsonify([t for t in all_titles() if rx.search(t)])


@bp.route("/titles/v2")
def titles_v2():
    needle = request.args.get("q", "")
    rx = re.compile(".*" + re.escape(needle) + ".*", re.I)  # safe: CWE-730 escaped
    return jsonify([t for t in all_titles() if rx.match(t)])


@bp.route("/titles/v3")
def titles_v3():
    needle = request.args.get("q", "")
    return jsonify([t for t in all_titles() if re.search(needle, t)])  # expect: CWE-730


@bp.route("/titles/v4")
def titles_v4():
    needle = request.args.get("q", "").lower()
    return jsonify([t for t in all_titles() if needle in t.lower()])  # safe: CWE-730 substring test


@bp.route("/links")
def links():
    target = request.args["to"]
    doc = page_xml()
    return jsonify(pages=doc.xpath("//page[link/@href='%s']/@title" % target))  # expect: CWE-643


@bp.route("/links/v2")
def links_v2():
    doc = page_xml()
    return jsonify(pages=doc.xpath("//page[link/@href=$to]/@title", to=request.args["to"]))  # safe: CWE-643
