from urllib.parse import urlparse

from flask import redirect, request


def go():
    next_url = request.args.get("next", "/")
    if "example.com" in next_url:  # want: PP223
        return redirect(next_url)
    return redirect("/")


def go_prefix():
    target = request.args.get("target", "/")
    if target.startswith("https://example.com"):  # want: PP223
        return redirect(target)
    if target.startswith("https://example.com/"):  # safe: ends with a slash
        return redirect(target)
    return redirect("/")


def go_host():
    host = urlparse(request.args["u"]).hostname or ""
    if host.endswith("example.com"):  # want: PP223
        return "ok"
    if host.endswith(".example.com") or host == "example.com":  # safe
        return "ok"
    return "no"


def not_a_url(message):
    return "example.com" in message  # safe: not a URL or host
