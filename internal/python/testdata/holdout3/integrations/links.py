"""Link checks used before redirecting to documentation and partner pages."""
from urllib.parse import urlparse

from flask import Blueprint, redirect, request

bp = Blueprint("links", __name__)
TRUSTED_HOSTS = {"example.com", "www.example.com"}


def is_trusted_callback(callback_url):
    return "example.com" in callback_url  # expect: CWE-20 substring check


def is_trusted_callback_v2(callback_url):
    return urlparse(callback_url).hostname in TRUSTED_HOSTS  # safe: CWE-20 exact hostname


def is_partner_host(host):
    return host.endswith("partner.example")  # expect: CWE-20 no leading dot


def is_partner_host_v2(host):
    return host == "partner.example" or host.endswith(".partner.example")  # safe: CWE-20


def is_docs_link(next_url):
    return next_url.startswith("https://docs.example.com")  # expect: CWE-20 prefix without a trailing slash


def is_docs_link_v2(next_url):
    return next_url.startswith("https://docs.example.com/")  # safe: CWE-20 prefix ends at the host


def is_status_link(status_url):
    return urlparse(status_url).netloc == "status.example.com"  # safe: CWE-20 exact netloc comparison


@bp.route("/docs")
def docs():
    target = request.args.get("to", "")
    if is_docs_link(target):
        return redirect(target)  # expect: CWE-601 https://docs.example.com.evil.example passes the check
    return redirect("/help/")


@bp.route("/docs/v2")
def docs_v2():
    target = request.args.get("to", "")
    if is_docs_link_v2(target):
        return redirect(target)  # safe: CWE-601 fixed scheme and host prefix
    return redirect("/help/")


@bp.route("/callback")
def callback():
    target = request.args.get("cb", "")
    if is_trusted_callback_v2(target):
        return redirect(target)  # safe: CWE-601 hostname allow-list
    return redirect("/")
