"""Supplier invoice intake (XML over HTTP)."""
import xml.sax
from xml.dom import minidom, pulldom

import defusedxml.ElementTree as DET
from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("supplier_xml", __name__)


class TotalsHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.total = 0.0
        self._in_amount = False

    def startElement(self, name, attrs):
        self._in_amount = name == "amount"

    def characters(self, content):
        if self._in_amount and content.strip():
            self.total += float(content)


@bp.post("/supplier/invoice")
def supplier_invoice():
    parser = etree.XMLParser(resolve_entities=True)  # expect: CWE-611 entities resolved on uploaded XML
    root = etree.fromstring(request.data, parser)
    return jsonify(number=root.findtext("number"))


@bp.post("/supplier/invoice-v2")
def supplier_invoice_v2():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: CWE-611 entities off, no network
    root = etree.fromstring(request.data, parser)
    return jsonify(number=root.findtext("number"))


@bp.post("/supplier/invoice-v3")
def supplier_invoice_v3():
    root = DET.fromstring(request.data)  # safe: CWE-611 defusedxml
    return jsonify(number=root.findtext("number"))


@bp.post("/supplier/catalogue")
def supplier_catalogue():
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False)  # expect: CWE-776 libxml2 limits lifted for uploaded catalogues
    root = etree.fromstring(request.data, parser)
    return jsonify(items=len(root))


@bp.post("/supplier/totals")
def supplier_totals():
    handler = TotalsHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)  # expect: CWE-611 external general entities on
    parser.setContentHandler(handler)
    parser.parse(request.stream)
    return jsonify(total=handler.total)


@bp.post("/supplier/totals-v2")
def supplier_totals_v2():
    handler = TotalsHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, False)  # safe: CWE-611 explicitly off
    parser.setContentHandler(handler)
    parser.parse(request.stream)
    return jsonify(total=handler.total)


@bp.post("/supplier/lines")
def supplier_lines():
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)  # expect: CWE-611 pulldom over a parser with external entities
    events = pulldom.parseString(request.get_data(as_text=True), parser=parser)
    count = sum(1 for ev, node in events if ev == pulldom.START_ELEMENT and node.tagName == "line")
    return jsonify(lines=count)


@bp.post("/supplier/header")
def supplier_header():
    doc = minidom.parseString(request.data)  # safe: CWE-611 minidom does not fetch external entities
    return jsonify(supplier=doc.documentElement.getAttribute("supplier"))
