import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges, feature_external_pes

import defusedxml.ElementTree as SafeET
from lxml import etree
from lxml.etree import XMLParser


def parse_invoice(data):
    parser = etree.XMLParser(resolve_entities=True)  # want: PP402
    return etree.fromstring(data, parser)


def parse_invoice_safe(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe look-alike
    return etree.fromstring(data, parser)


def parse_feed(data):
    parser = XMLParser(no_network=False)  # want: PP402
    return etree.fromstring(data, parser)


def parse_with_dtd(data):
    parser = XMLParser(  # want: PP402
        load_dtd=True,
        huge_tree=True,
    )  # the finding is on the call's first line
    return etree.fromstring(data, parser)


def parse_with_dtd_safe(data):
    parser = XMLParser(load_dtd=True, resolve_entities=False)  # safe look-alike: entities off
    return etree.fromstring(data, parser)


def parse_defused(data):
    return SafeET.fromstring(data)  # safe: defusedxml


def sax_parse(stream, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # want: PP402
    parser.setContentHandler(handler)
    parser.parse(stream)


def sax_parse_safe(stream, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)  # safe look-alike
    parser.setContentHandler(handler)
    parser.parse(stream)


def pulldom_parse(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_pes, 1)  # want: PP402
    return pulldom.parse(stream, parser=parser)


def pulldom_parse_other_feature(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)  # safe: namespaces only
    return pulldom.parse(stream, parser=parser)
