"""Look-ups in the product catalogue kept as one XML document."""
import xml.etree.ElementTree as ET

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
CATALOGUE = etree.parse("/srv/catalogue/catalogue.xml")
ET_CATALOGUE = ET.parse("/srv/catalogue/catalogue.xml")
FIND_BY_SKU = etree.XPath("//product[@sku=$sku]")


@app.route("/product")
def product():
    sku = request.args["sku"]
    nodes = CATALOGUE.xpath(f"//product[@sku='{sku}']")  # expect: CWE-643
    return jsonify(names=[n.findtext("name") for n in nodes])


@app.route("/product/v2")
def product_v2():
    sku = request.args["sku"]
    nodes = CATALOGUE.xpath("//product[@sku=$sku]", sku=sku)  # safe: CWE-643 XPath variable
    return jsonify(names=[n.findtext("name") for n in nodes])


@app.route("/product/v3")
def product_v3():
    nodes = FIND_BY_SKU(CATALOGUE, sku=request.args["sku"])  # safe: CWE-643 compiled with a variable
    return jsonify(names=[n.findtext("name") for n in nodes])


@app.route("/by-vendor")
def by_vendor():
    vendor = request.args["vendor"]
    find = etree.XPath("//product[vendor='" + vendor + "']")  # expect: CWE-643
    return jsonify(count=len(find(CATALOGUE)))


@app.route("/by-category")
def by_category():
    category = request.args["category"]
    nodes = ET_CATALOGUE.getroot().findall(f".//product[@category='{category}']")  # expect: CWE-643
    return jsonify(count=len(nodes))


@app.route("/by-index")
def by_index():
    position = int(request.args.get("n", "1"))
    nodes = CATALOGUE.xpath(f"//product[{position}]")  # safe: CWE-643 int()
    return jsonify(names=[n.findtext("name") for n in nodes])
