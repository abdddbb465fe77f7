"""Streams a partner's XML price feed with SAX."""
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

import requests


class PriceHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.prices = []

    def startElement(self, name, attrs):
        if name == "price":
            self.prices.append(attrs.get("value"))


def parse_feed(url):
    handler = PriceHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # expect: CWE-611
    parser.setContentHandler(handler)
    parser.parse(url)
    return handler.prices


def parse_feed_v2(stream):
    handler = PriceHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)  # safe: CWE-611
    parser.setFeature(feature_namespaces, True)  # safe: CWE-611 unrelated feature
    parser.setContentHandler(handler)
    parser.parse(stream)
    return handler.prices


def refresh():
    resp = requests.get("https://feeds.partner.example/prices.xml", stream=True, timeout=30)
    return parse_feed_v2(resp.raw)
