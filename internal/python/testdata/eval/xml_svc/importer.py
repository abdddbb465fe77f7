"""Imports supplier catalogues posted as XML."""
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as DET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_catalogue():
    root = etree.fromstring(request.data, etree.XMLParser(resolve_entities=True))  # expect: CWE-611
    return jsonify(items=len(root))


@app.route("/import/v2", methods=["POST"])
def import_catalogue_v2():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: CWE-611
    root = etree.fromstring(request.data, parser)
    return jsonify(items=len(root))


@app.route("/import/v3", methods=["POST"])
def import_catalogue_v3():
    root = etree.fromstring(request.data, etree.XMLParser(load_dtd=True, no_network=False))  # expect: CWE-611
    return jsonify(items=len(root))


@app.route("/import/v4", methods=["POST"])
def import_catalogue_v4():
    root = DET.fromstring(request.data)  # safe: CWE-611 defusedxml
    return jsonify(items=len(root))


@app.route("/import/v5", methods=["POST"])
def import_catalogue_v5():
    root = ET.fromstring(request.data)  # safe: CWE-611 expat does not fetch external entities
    return jsonify(items=len(root))


@app.route("/import/xslt", methods=["POST"])
def import_with_stylesheet():
    doc = etree.parse(request.files["doc"].stream, etree.XMLParser(dtd_validation=True, resolve_entities=True))  # expect: CWE-611
    return jsonify(root=doc.getroot().tag)
