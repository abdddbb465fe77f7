"""Ticket search and triage views."""
from flask import Blueprint, abort, jsonify, request

from .db import TicketRepo, connect, search

bp = Blueprint("tickets", __name__, url_prefix="/tickets")

LAST_QUERY = ""
PRIORITIES = ("low", "normal", "high", "urgent")


@bp.route("/mine")
def mine():
    repo = TicketRepo(connect())
    return jsonify(repo.by_requester(request.args["email"]))


@bp.route("/subject")
def by_subject():
    repo = TicketRepo(connect())
    return jsonify(repo.by_subject(request.args.getlist("w")))


@bp.route("/status")
def by_status():
    repo = TicketRepo(connect())
    repo.status_filter = request.args.get("status", "open")
    return jsonify(repo.with_status())


@bp.route("/ids")
def by_ids():
    repo = TicketRepo(connect())
    return jsonify(repo.by_ids(request.args.getlist("id")))


@bp.route("/filter", methods=["POST"])
def filter_tickets():
    body = request.get_json()
    pairs = [(k, v) for k, v in body.items()]
    return jsonify(search(connect(), pairs))


@bp.route("/quick")
def quick():
    cur = connect().cursor()
    if (q := request.args.get("q")):
        cur.execute("SELECT id FROM tickets WHERE subject = '" + q + "'")  # expect: CWE-89
    return jsonify(cur.fetchall())


@bp.route("/pair")
def pair():
    subject, limit = request.args["subject"], "25"
    cur = connect().cursor()
    cur.execute(f"SELECT id FROM tickets ORDER BY created DESC LIMIT {limit}")  # safe: CWE-89 constant half of the tuple
    cur.execute(f"SELECT id FROM tickets WHERE subject = '{subject}'")  # expect: CWE-89
    return jsonify(cur.fetchall())


@bp.route("/params")
def with_params():
    params = {}
    params["name"] = request.args.get("name", "")
    params["limit"] = "10"
    cur = connect().cursor()
    cur.execute(f"SELECT id FROM tickets LIMIT {params['limit']}")  # safe: CWE-89 other key
    cur.execute(f"SELECT id FROM tickets WHERE agent = '{params['name']}'")  # expect: CWE-89
    return jsonify(cur.fetchall())


@bp.route("/tags")
def by_tags():
    tags = request.args.getlist("tag")
    clauses = " OR ".join([f"tag = '{t}'" for t in tags])
    cur = connect().cursor()
    cur.execute("SELECT ticket_id FROM ticket_tags WHERE " + clauses)  # expect: CWE-89
    return jsonify(cur.fetchall())


@bp.route("/priority")
def by_priority():
    level = request.args.get("level", "normal")
    if level in PRIORITIES:
        chosen = level
    else:
        chosen = "normal"
    cur = connect().cursor()
    cur.execute(f"SELECT id FROM tickets WHERE priority = '{chosen}'")  # safe: CWE-89 allow-listed on one branch, constant on the other
    return jsonify(cur.fetchall())


@bp.route("/agent")
def by_agent():
    agent = request.args.get("agent", "")
    if request.args.get("me") == "1":
        agent = "self"
    cur = connect().cursor()
    cur.execute(f"SELECT id FROM tickets WHERE agent = '{agent}'")  # expect: CWE-89 tainted on one branch
    return jsonify(cur.fetchall())


@bp.route("/queue")
def by_queue():
    if request.args.get("vip") == "1":
        queue = "vip"
    else:
        queue = "general"
    cur = connect().cursor()
    cur.execute(f"SELECT id FROM tickets WHERE queue = '{queue}'")  # safe: CWE-89 constants on both branches
    return jsonify(cur.fetchall())


@bp.route("/number")
def by_number():
    number = request.args.get("n", "")
    if not number.isdigit():
        abort(400)
    cur = connect().cursor()
    cur.execute("SELECT id FROM tickets WHERE number = " + number)  # safe: CWE-89 isdigit guard
    return jsonify(cur.fetchall())


@bp.route("/clean")
def by_clean_subject():
    subject = request.args.get("subject", "").strip().lower()[:80]
    cur = connect().cursor()
    cur.execute("SELECT id FROM tickets WHERE lower(subject) = '%s'" % subject)  # expect: CWE-89 string methods keep taint
    return jsonify(cur.fetchall())


@bp.route("/remember")
def remember_query():
    global LAST_QUERY
    LAST_QUERY = request.args.get("q", "")
    return jsonify(ok=True)


@bp.route("/again")
def run_again():
    cur = connect().cursor()
    cur.execute("SELECT id FROM tickets WHERE subject LIKE '%" + LAST_QUERY + "%'")  # expect: CWE-89 via a module global
    return jsonify(cur.fetchall())


@bp.route("/bytes", methods=["POST"])
def by_bytes():
    raw = request.get_data()
    subject = raw.decode("utf-8")
    cur = connect().cursor()
    cur.execute("SELECT id FROM tickets WHERE subject = '{}'".format(str(subject)))  # expect: CWE-89
    return jsonify(cur.fetchall())


@bp.route("/closure")
def closure():
    prefix = request.args.get("prefix", "")

    def runner():
        cur = connect().cursor()
        cur.execute("SELECT id FROM tickets WHERE subject LIKE '" + prefix + "%'")  # expect: CWE-89 captured variable
        return cur.fetchall()

    return jsonify(runner())
