"""Referral tracking and audit logging."""
import logging

from flask import Blueprint, jsonify, request

bp = Blueprint("audit", __name__)
log = logging.getLogger("shop.audit")


def strip_newlines(value):
    return value.replace("\r", "").replace("\n", "")


@bp.route("/r")
def track_referral():
    ref = request.args.get("ref", "")
    log.info("referral from " + ref)  # expect: CWE-117
    agent = request.headers.get("User-Agent", "")
    log.info("agent=%s" % agent)  # expect: CWE-117
    return jsonify(ok=True)


@bp.route("/r/v2")
def track_referral_v2():
    ref = strip_newlines(request.args.get("ref", ""))
    log.info("referral from " + ref)  # safe: CWE-117 newlines removed
    log.info("referral length %d", len(request.args.get("ref", "")))  # safe: CWE-117 only a length
    return jsonify(ok=True)


@bp.route("/r/v3")
def track_campaign():
    campaign = int(request.args.get("campaign", "0"))
    log.info(f"campaign {campaign} clicked")  # safe: CWE-117 int()
    source = request.cookies.get("utm_source", "")
    logging.getLogger("shop.marketing").warning("utm source: {}".format(source))  # expect: CWE-117
    return jsonify(ok=True)
