from flask import request
from lxml import etree

DOC = etree.parse("users.xml")


def lookup():
    name = request.args["name"]
    return DOC.xpath(f"//user[@name='{name}']")  # want: PP210


def lookup_safe():
    return DOC.xpath("//user[@name=$name]", name=request.args["name"])  # safe: an XPath variable
