import os

from flask import Blueprint, jsonify, request
from ldap3 import Connection, Server

from .ldap_lookup import Directory, group_members, group_members_v2

bp = Blueprint("people", __name__, url_prefix="/people")
LDAP_URI = os.environ.get("LDAP_URI", "ldaps://ldap.corp.example")


def _ldap3():
    return Connection(Server(LDAP_URI, use_ssl=True), user=os.environ.get("LDAP_BIND_DN"), password=os.environ.get("LDAP_BIND_PW"), auto_bind=True)  # safe: CWE-259 environment


@bp.route("/user")
def user():
    d = Directory(LDAP_URI)
    return jsonify(d.find_user(request.args.get("uid", "")))


@bp.route("/user-v2")
def user_v2():
    d = Directory(LDAP_URI)
    return jsonify(d.find_user_v2(request.args.get("uid", "")))


@bp.route("/team/<team>")
def team(team):
    return jsonify(Directory(LDAP_URI).team_members(team))


@bp.route("/team-v2/<team>")
def team_v2(team):
    return jsonify(Directory(LDAP_URI).team_members_v2(team))


@bp.route("/group")
def group():
    return jsonify(group_members(_ldap3(), request.args.get("cn", "")))


@bp.route("/group-v2")
def group_v2():
    return jsonify(group_members_v2(_ldap3(), request.args.get("cn", "")))
