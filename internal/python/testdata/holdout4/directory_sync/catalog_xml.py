"""Product lookups against the nightly catalog XML export."""
import os
import xml.etree.ElementTree as ET

from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("catalog_xml", __name__, url_prefix="/catalog-xml")
CATALOG_XML = os.environ.get("CATALOG_XML", "/srv/catalog/catalog.xml")


@bp.route("/name")
def name():
    sku = request.args.get("sku", "")
    tree = etree.parse(CATALOG_XML)
    return jsonify(tree.xpath(f"//product[@sku='{sku}']/name/text()"))  # expect: CWE-643


@bp.route("/name-v2")
def name_v2():
    sku = request.args.get("sku", "")
    tree = etree.parse(CATALOG_XML)
    return jsonify(tree.xpath("//product[@sku=$sku]/name/text()", sku=sku))  # safe: CWE-643 XPath variable


@bp.route("/by-category")
def by_category():
    cat = request.args.get("category", "")
    root = ET.parse(CATALOG_XML).getroot()
    return jsonify([p.get("sku") for p in root.findall(".//product[@category='%s']" % cat)])  # expect: CWE-643


@bp.route("/by-category-v2")
def by_category_v2():
    cat = request.args.get("category", "")
    root = ET.parse(CATALOG_XML).getroot()
    return jsonify([p.get("sku") for p in root.findall(".//product") if p.get("category") == cat])  # safe: CWE-643 constant path, compared in Python


@bp.route("/price")
def price():
    sku = request.args.get("sku", "")
    find_price = etree.XPath("//product[@sku=$s]/price/text()")
    return jsonify(find_price(etree.parse(CATALOG_XML), s=sku))  # safe: CWE-643 compiled with a variable


@bp.route("/price-legacy")
def price_legacy():
    sku = request.args.get("sku", "")
    find_price = etree.XPath("//product[@sku='" + sku + "']/price/text()")  # expect: CWE-643
    return jsonify(find_price(etree.parse(CATALOG_XML)))


@bp.route("/count")
def count():
    tree = etree.parse(CATALOG_XML)
    return jsonify(int(tree.xpath("count(//product)")))  # safe: CWE-643 constant expression


@bp.route("/nth")
def nth():
    n = int(request.args.get("n", "1"))
    root = ET.parse(CATALOG_XML).getroot()
    node = root.find(f"./product[{n}]")  # safe: CWE-643 int()
    return jsonify(node.get("sku") if node is not None else None)


@bp.route("/big")
def big():
    parser = etree.XMLParser(huge_tree=False, resolve_entities=False)  # safe: CWE-776, CWE-611
    return jsonify(len(etree.parse(CATALOG_XML, parser).getroot()))
