"""XPath built with string.Template and ElementTree paths on a parsed document kept in a field."""
import string
import xml.etree.ElementTree as ET

from flask import Flask, request
from lxml import etree

app = Flask(__name__)
SECTIONS = {"tools", "garden"}


class Catalog:
    def __init__(self, path):
        self.doc = etree.parse(path)
        self.root = ET.parse(path).getroot()

    def named(self, name):
        expr = string.Template("//item[@name='$n']").substitute(n=name)
        return self.doc.xpath(expr)  # want: PP210

    def named_fixed(self):
        expr = string.Template("//item[@name='$n']").substitute(n="hammer")
        return self.doc.xpath(expr)  # safe: constant substitution

    def titles(self, section):
        return self.root.findall(f"./section[@id='{section}']/item")  # want: PP210

    def titles_checked(self, section):
        if section not in SECTIONS:
            return []
        return self.root.findall(f"./section[@id='{section}']/item")  # safe: allow-listed


catalog = Catalog("/srv/catalog.xml")


@app.get("/named")
def named():
    return str(catalog.named(request.args["name"])) + str(catalog.named_fixed())


@app.get("/titles")
def titles():
    s = request.args["section"]
    return str(catalog.titles(s)) + str(catalog.titles_checked(s))
