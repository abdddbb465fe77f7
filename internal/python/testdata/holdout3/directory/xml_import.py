"""Imports partner XML feeds."""
import io
import xml.sax

import defusedxml.ElementTree as SafeET
from lxml import etree


class _Counter(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.items = 0

    def startElement(self, name, attrs):
        if name == "item":
            self.items += 1


def import_feed(data):
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True)  # expect: CWE-611 entities resolved
    root = etree.fromstring(data, parser)
    return len(root.findall("item"))


def import_feed_v2(data):
    handler = _Counter()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)  # expect: CWE-611 external general entities on
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler.items


def import_feed_v3(data):
    root = SafeET.fromstring(data)  # safe: CWE-611 defusedxml
    return len(root.findall("item"))


def import_archive(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)  # expect: CWE-776 huge_tree lifts the expansion limits
    root = etree.fromstring(data, parser)
    return len(root)


def import_small(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: CWE-611, CWE-776 hardened parser
    return len(etree.fromstring(data, parser))
