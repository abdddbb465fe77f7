import xml.etree.ElementTree as ET

from flask import request
from lxml import etree


def unlimited():
    parser = etree.XMLParser(huge_tree=True)  # want: PP218
    return etree.fromstring(request.data, parser)


def limited():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: limits stay on
    return etree.fromstring(request.data, parser)


def stdlib():
    return ET.fromstring(request.data)  # safe: expat 2.4.1+ limits entity amplification
