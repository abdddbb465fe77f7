import logging
import xml.etree.ElementTree as ET

from lxml import etree
from pyramid.httpexceptions import HTTPBadRequest, HTTPFound
from pyramid.response import Response
from pyramid.view import view_config
from sqlalchemy import text

log = logging.getLogger("catalog.views")

CATALOG = etree.parse("/srv/catalog/catalog.xml")  # safe: CWE-611 server-owned file with the default parser
ALLOWED_RETURN = {"/", "/catalog", "/account"}


@view_config(route_name="product", renderer="json")
def product(request):
    sku = request.params.get("sku", "")
    nodes = CATALOG.xpath(f"//product[@sku='{sku}']/name/text()")  # expect: CWE-643 sku quoted into the expression
    return {"names": [str(n) for n in nodes]}


@view_config(route_name="product_v2", renderer="json")
def product_v2(request):
    sku = request.params.get("sku", "")
    nodes = CATALOG.xpath("//product[@sku=$sku]/name/text()", sku=sku)  # safe: CWE-643 XPath variable
    return {"names": [str(n) for n in nodes]}


@view_config(route_name="category", renderer="json")
def category(request):
    tree = ET.parse("/srv/catalog/categories.xml")
    name = request.params.get("name", "")
    found = tree.getroot().findall(".//category[@name='" + name + "']")  # expect: CWE-643 ElementTree path built from input
    return {"count": len(found)}


@view_config(route_name="price_history", renderer="json")
def price_history(request):
    sku = request.matchdict["sku"]
    days = int(request.params.get("days", "30"))
    rows = request.dbsession.execute(text("SELECT day, price FROM prices WHERE sku = :sku AND day > now() - make_interval(days => :days)"), {"sku": sku, "days": days})  # safe: CWE-89 bound parameters
    return {"rows": [list(r) for r in rows]}


@view_config(route_name="price_search", renderer="json")
def price_search(request):
    vendor = request.params.get("vendor", "")
    clause = "vendor = '{}'".format(vendor)
    rows = request.dbsession.execute(text("SELECT sku, price FROM prices WHERE " + clause))  # expect: CWE-89 vendor formatted into text()
    return {"rows": [list(r) for r in rows]}


@view_config(route_name="leave")
def leave(request):
    back = request.params.get("back", "/")
    if back not in ALLOWED_RETURN:
        raise HTTPBadRequest()
    return HTTPFound(location=back)  # safe: CWE-601 exact allow-list


@view_config(route_name="leave_legacy")
def leave_legacy(request):
    return HTTPFound(location=request.params.get("back", "/"))  # expect: CWE-601 unchecked


@view_config(route_name="banner")
def banner(request):
    text_ = request.params.get("text", "")
    return Response(f"<div class='promo'>{text_}</div>", content_type="text/html")  # expect: CWE-79 HTML response
