"""Product feed import: suppliers upload XML catalogues."""
import xml.etree.ElementTree as ET
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes

import defusedxml.ElementTree as DET
from flask import Blueprint, request
from lxml import etree

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
PERMISSIVE = {"resolve_entities": True, "no_network": False}


class SkuCounter(ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        if name == "sku":
            self.count += 1


@bp.post("/products")
def import_products():
    parser = etree.XMLParser(resolve_entities=True)  # expect: CWE-611
    root = etree.fromstring(request.data, parser)
    return {"items": len(root.findall("item"))}


@bp.post("/products/v2")
def import_products_v2():
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)  # safe: CWE-611 entities off, no network
    root = etree.fromstring(request.data, parser)
    return {"items": len(root.findall("item"))}


@bp.post("/products/v3")
def import_products_v3():
    root = DET.fromstring(request.data)  # safe: CWE-611 defusedxml
    return {"items": len(root.findall("item"))}


@bp.post("/products/v4")
def import_products_v4():
    parser = etree.XMLParser(**PERMISSIVE)  # expect: CWE-611 options splatted from a constant dict
    root = etree.fromstring(request.data, parser)
    return {"items": len(root.findall("item"))}


@bp.post("/skus")
def count_skus():
    handler = SkuCounter()
    p = xml.sax.make_parser()
    p.setFeature(feature_external_ges, True)  # expect: CWE-611
    p.setContentHandler(handler)
    p.parse(request.stream)
    return {"skus": handler.count}


@bp.post("/skus/v2")
def count_skus_v2():
    handler = SkuCounter()
    p = xml.sax.make_parser()
    p.setFeature(feature_external_ges, False)  # safe: CWE-611 external entities off
    p.setFeature(feature_external_pes, False)  # safe: CWE-611 external parameter entities off
    p.setContentHandler(handler)
    p.parse(request.stream)
    return {"skus": handler.count}


def dtd_parser():
    return etree.XMLParser(load_dtd=True, no_network=False)  # expect: CWE-611


@bp.post("/prices")
def prices():
    root = ET.fromstring(request.get_data())  # safe: CWE-611 ElementTree does not load external entities
    return {"prices": [p.text for p in root.iter("price")]}
