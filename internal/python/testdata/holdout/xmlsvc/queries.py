"""Look-ups in the bundled XML catalogue."""
import xml.etree.ElementTree as ET

from flask import Blueprint, request
from ldap.filter import escape_filter_chars
from lxml import etree

bp = Blueprint("xmlq", __name__, url_prefix="/xml")
CATALOG_XML = "/srv/catalog/catalog.xml"
LANGS = ("en", "de", "fr")


@bp.get("/book")
def find_book():
    title = request.args.get("title", "")
    tree = etree.parse(CATALOG_XML)
    hits = tree.xpath(f"//book[title='{title}']/@id")  # expect: CWE-643
    return {"ids": [str(h) for h in hits]}


@bp.get("/book/v2")
def find_book_v2():
    title = request.args.get("title", "")
    tree = etree.parse(CATALOG_XML)
    hits = tree.xpath("//book[title=$t]/@id", t=title)  # safe: CWE-643 XPath variable
    return {"ids": [str(h) for h in hits]}


@bp.get("/author")
def by_author():
    finder = etree.XPath("//book[author=$a]/title/text()")  # safe: CWE-643 compiled with a variable
    return {"titles": [str(t) for t in finder(etree.parse(CATALOG_XML), a=request.args.get("author", ""))]}


@bp.get("/lang")
def by_lang():
    tree = ET.parse(CATALOG_XML)
    books = tree.findall(".//book[@lang='%s']" % request.args.get("lang", "en"))  # expect: CWE-643
    return {"count": len(books)}


@bp.get("/lang/v2")
def by_lang_v2():
    lang = request.args.get("lang", "en")
    if lang not in LANGS:
        lang = "en"
    books = ET.parse(CATALOG_XML).findall(f".//book[@lang='{lang}']")  # safe: CWE-643 allow-listed
    return {"count": len(books)}


@bp.get("/user")
def find_user():
    name = escape_filter_chars(request.args.get("name", ""))
    tree = etree.parse("/srv/catalog/users.xml")
    hits = tree.xpath("//user[name='%s']/@id" % name)  # expect: CWE-643 LDAP escaping does not stop quotes
    return {"ids": [str(h) for h in hits]}


@bp.get("/ns-book")
def ns_book():
    book_id = request.args.get("id", "")
    finder = etree.ETXPath("//{urn:example:catalog}book[@id='%s']" % book_id)  # expect: CWE-643
    return {"count": len(finder(etree.parse(CATALOG_XML)))}


@bp.get("/ns-book/v2")
def ns_book_v2():
    book_id = int(request.args.get("id", "0"))
    finder = etree.ETXPath("//{urn:example:catalog}book[@id='%d']" % book_id)  # safe: CWE-643 int
    return {"count": len(finder(etree.parse(CATALOG_XML)))}
