"""Directory lookups for the staff portal (python-ldap and ldap3)."""
import logging
import os

import ldap
from flask import Blueprint, jsonify, request
from ldap.filter import escape_filter_chars
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars as l3_escape

bp = Blueprint("directory", __name__)
log = logging.getLogger("directory")

BASE_DN = "ou=people,dc=example,dc=com"
GROUP_BASE = "ou=groups,dc=example,dc=com"


def _conn():
    c = ldap.initialize(os.environ["LDAP_URL"])
    c.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])  # safe: CWE-259 from the environment
    return c


@bp.get("/people")
def people():
    uid = request.args.get("uid", "")
    res = _conn().search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={uid})", ["cn", "mail"])  # expect: CWE-90 filter built from the query string
    return jsonify([dn for dn, _ in res])


@bp.get("/people-v2")
def people_v2():
    uid = escape_filter_chars(request.args.get("uid", ""))
    res = _conn().search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={uid})", ["cn", "mail"])  # safe: CWE-90 escaped
    return jsonify([dn for dn, _ in res])


@bp.get("/groups")
def groups():
    name = request.args.get("name", "")
    server = Server(os.environ["LDAP_URL"], use_ssl=True)
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(GROUP_BASE, "(&(objectClass=groupOfNames)(cn=" + name + "*))", SUBTREE, attributes=["cn"])  # expect: CWE-90 concatenated into an ldap3 filter
    return jsonify([e.entry_dn for e in conn.entries])


@bp.get("/groups-v2")
def groups_v2():
    name = l3_escape(request.args.get("name", ""))
    server = Server(os.environ["LDAP_URL"], use_ssl=True)
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(GROUP_BASE, "(&(objectClass=groupOfNames)(cn=" + name + "*))", SUBTREE, attributes=["cn"])  # safe: CWE-90 ldap3 escape_filter_chars
    return jsonify([e.entry_dn for e in conn.entries])


@bp.get("/manager")
def manager():
    ou = request.args.get("ou", "people")
    res = _conn().search_s(f"ou={ou},dc=example,dc=com", ldap.SCOPE_ONELEVEL, "(title=manager)")  # expect: CWE-90 base DN from the request
    return jsonify([dn for dn, _ in res])


def service_bind():
    c = ldap.initialize("ldaps://ldap.example.com")
    c.simple_bind_s("cn=portal,ou=services,dc=example,dc=com", "Portal#Svc2019")  # expect: CWE-259 bind password literal
    return c
