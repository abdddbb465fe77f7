"""Parsers for supplier XML feeds."""
import xml.sax
from xml.sax.handler import feature_external_ges

import defusedxml.ElementTree as DET
from lxml import etree


def parse_supplier_feed(data):
    parser = etree.XMLParser(resolve_entities=True)  # expect: CWE-611
    return etree.fromstring(data, parser)


def parse_supplier_feed_v2(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: CWE-611
    return etree.fromstring(data, parser)


def parse_big_export(data):
    parser = etree.XMLParser(huge_tree=True)  # expect: CWE-776
    return etree.fromstring(data, parser)


def parse_big_export_v2(data):
    parser = etree.XMLParser(resolve_entities=False)  # safe: CWE-776, CWE-611 limits kept
    return etree.fromstring(data, parser)


def parse_stream(stream, handler):
    p = xml.sax.make_parser()
    p.setFeature(feature_external_ges, True)  # expect: CWE-611
    p.setContentHandler(handler)
    p.parse(stream)


def parse_stream_v2(stream, handler):
    p = xml.sax.make_parser()
    p.setFeature(feature_external_ges, False)  # safe: CWE-611
    p.setContentHandler(handler)
    p.parse(stream)


def parse_defused(data):
    return DET.fromstring(data)  # safe: CWE-611 defusedxml


def parse_dtd_free(data):
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)  # safe: CWE-611
    return etree.fromstring(data, parser)
