"""People directory HTTP API."""
from flask import Flask, jsonify, request

from .ldap3_client import PeopleDirectory as Directory
from .xml_catalog import Catalog
from .xml_import import import_feed, import_feed_v2, import_feed_v3

app = Flask(__name__)
catalog = Catalog("/srv/directory/catalog.xml")


@app.route("/people/search")
def people_search():
    d = Directory()
    for kind in ("mail", "uid"):
        value = request.args.get(kind)
        if value:
            d.queue_term(kind, value)
    return jsonify(results=d.run_pending())


@app.route("/people/<uid>")
def person(uid):
    return jsonify(results=Directory().by_uid(uid))


@app.route("/departments/<dept>/size")
def department_size(dept):
    return jsonify(size=Directory().by_department(dept))


@app.route("/catalog/items")
def catalog_items():
    return jsonify(items=catalog.items_named(request.args.get("name", "")))


@app.route("/catalog/items/v2")
def catalog_items_v2():
    return jsonify(items=catalog.items_named_v2(request.args.get("name", "")))


@app.route("/catalog/sku")
def catalog_sku():
    return jsonify(price=catalog.price_for(request.args.get("sku", "")))


@app.route("/catalog/section")
def catalog_section():
    return jsonify(titles=catalog.section_titles(request.args.get("section", "")))


@app.route("/catalog/section/v2")
def catalog_section_v2():
    return jsonify(titles=catalog.section_titles_v2(request.args.get("section", "")))


@app.route("/feeds", methods=["POST"])
def feeds():
    version = request.args.get("v", "1")
    if version == "3":
        count = import_feed_v3(request.data)
    elif version == "2":
        count = import_feed_v2(request.data)
    else:
        count = import_feed(request.data)
    return jsonify(imported=count)
