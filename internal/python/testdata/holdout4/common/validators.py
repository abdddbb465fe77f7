"""Input validators shared by the services."""
import re
from urllib.parse import urlparse

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
TRUSTED_HOSTS = frozenset({"app.example.com", "shop.example.com"})


def is_slug(value):
    return bool(SLUG_RE.fullmatch(value or ""))


def single_line(value):
    return value.replace("\r", " ").replace("\n", " ")


def is_trusted_url(url):
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in TRUSTED_HOSTS


def is_trusted_url_loose(url):
    return url.startswith("https://") and url.endswith("example.com")  # expect: CWE-20


def is_corp_host(host):
    return host == "example.com" or host.endswith(".example.com")  # safe: CWE-20 leading dot


def is_docs_url(url):
    return url.startswith("https://docs.example.com/")  # safe: CWE-20 trailing slash


def is_cdn_url(url):
    return urlparse(url).hostname in {"cdn.example.com", "static.example.com"}  # safe: CWE-20 parsed hostname


def same_site(url):
    parsed = urlparse(url)
    return not parsed.scheme and not parsed.netloc and url.startswith("/") and not url.startswith("//")  # safe: CWE-20 relative path only
