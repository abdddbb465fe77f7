"""Read-only product catalogue kept in an XML file."""
import string
import xml.etree.ElementTree as ET

from lxml import etree

SECTIONS = {"tools", "garden", "kitchen"}


class Catalog:
    def __init__(self, path):
        self.tree = etree.parse(path)
        self.et_root = ET.parse(path).getroot()
        self._by_name = etree.XPath("//item[@name=$name]")

    def items_named(self, name):
        expr = string.Template("//item[@name='$n']").substitute(n=name)
        return [e.get("sku") for e in self.tree.xpath(expr)]  # expect: CWE-643 string.Template substitution

    def items_named_v2(self, name):
        return [e.get("sku") for e in self._by_name(self.tree, name=name)]  # safe: CWE-643 compiled XPath with a variable

    def price_for(self, sku):
        query = etree.ETXPath("//{urn:catalog}item[@sku='%s']/price" % sku)  # expect: CWE-643 ETXPath
        hits = query(self.tree)
        return hits[0].text if hits else None

    def section_titles(self, section):
        return [e.text for e in self.et_root.findall(f"./section[@id='{section}']/item/title")]  # expect: CWE-643 ElementTree findall

    def section_titles_v2(self, section):
        if section not in SECTIONS:
            return []
        return [e.text for e in self.et_root.findall(f"./section[@id='{section}']/item/title")]  # safe: CWE-643 allow-listed section
