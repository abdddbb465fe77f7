"""SOAP endpoint kept alive for one old ERP integration."""
import xml.dom.minidom

from flask import Flask, Response, request
from lxml import etree

app = Flask(__name__)
ERP_PARSER = etree.XMLParser(resolve_entities=True, no_network=False)  # expect: CWE-611
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)  # safe: CWE-611
NS = {"s": "http://schemas.xmlsoap.org/soap/envelope/"}


@app.route("/soap", methods=["POST"])
def soap():
    doc = etree.fromstring(request.data, ERP_PARSER)
    customer = doc.findtext(".//customer")
    orders = doc.xpath("//order[@customer='" + customer + "']")  # expect: CWE-643
    return Response(f"<ok count='{len(orders)}'/>", mimetype="text/xml")


@app.route("/soap/v2", methods=["POST"])
def soap_v2():
    doc = etree.fromstring(request.data, SAFE_PARSER)
    customer = doc.findtext(".//customer")
    orders = doc.xpath("//order[@customer=$c]", c=customer)  # safe: CWE-643
    return Response(f"<ok count='{len(orders)}'/>", mimetype="text/xml")


@app.route("/soap/stream", methods=["POST"])
def soap_stream():
    count = 0
    for _, elem in etree.iterparse(request.stream, resolve_entities=True):  # expect: CWE-611
        count += elem.tag == "order"
    return Response(f"<ok count='{count}'/>", mimetype="text/xml")


@app.route("/soap/dom", methods=["POST"])
def soap_dom():
    dom = xml.dom.minidom.parseString(request.data)  # safe: CWE-611 expat does not fetch external entities
    return Response(f"<ok count='{len(dom.getElementsByTagName('order'))}'/>", mimetype="text/xml")


@app.route("/soap/lookup", methods=["POST"])
def soap_lookup():
    doc = etree.fromstring(request.data, SAFE_PARSER)
    sku = request.args["sku"]
    node = doc.find(f".//item[@sku='{sku}']")  # expect: CWE-643
    return Response("<ok/>" if node is not None else "<missing/>", mimetype="text/xml")
