"""Staff directory served from an XML export (lxml)."""
from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("directory_xml", __name__)
TREE = etree.parse("/srv/hr/staff.xml", etree.XMLParser(resolve_entities=False, no_network=True))  # safe: CWE-611 hardened parser
ETX = "{http://hr.example.com/ns}"


@bp.get("/staff/by-team")
def by_team():
    team = request.args.get("team", "")
    find = etree.XPath("//person[team='" + team + "']/name/text()")  # expect: CWE-643 team concatenated into a compiled XPath
    return jsonify(names=[str(n) for n in find(TREE)])


@bp.get("/staff/by-team-v2")
def by_team_v2():
    find = etree.XPath("//person[team=$team]/name/text()")  # safe: CWE-643 variable bound at call time
    return jsonify(names=[str(n) for n in find(TREE, team=request.args.get("team", ""))])


@bp.get("/staff/by-mail")
def by_mail():
    mail = request.args.get("mail", "")
    find = etree.ETXPath(f"//{ETX}person[{ETX}mail='{mail}']")  # expect: CWE-643 ETXPath built from input
    return jsonify(count=len(find(TREE)))


@bp.get("/staff/room")
def room():
    emp = int(request.args.get("id", "0"))
    rooms = TREE.xpath(f"//person[@id='{emp}']/room/text()")  # safe: CWE-643 int conversion
    return jsonify(rooms=[str(r) for r in rooms])
