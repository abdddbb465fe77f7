"""Search helpers shared by the catalog API and the legacy pages."""
import logging
from urllib.parse import urlparse

import requests
from django.db import connection

log = logging.getLogger(__name__)

ORDERINGS = {"name": "name ASC", "-name": "name DESC", "price": "price ASC", "-price": "price DESC"}
FEED_HOSTS = {"feeds.supplier-one.com", "export.supplier-two.net"}


def full_text(term, ordering=None):
    order = ORDERINGS.get(ordering or "name", "name ASC")
    sql = "SELECT id, name FROM catalog_product WHERE search_vector @@ plainto_tsquery(%s) ORDER BY " + order
    with connection.cursor() as cur:
        cur.execute(sql, [term])  # safe: CWE-89 bound term, ordering from a constant map
        return cur.fetchall()


def legacy_search(term):
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM catalog_product WHERE name ILIKE '%%" + term + "%%'")  # expect: CWE-89
        return [row[0] for row in cur.fetchall()]


def by_ids(ids):
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, name FROM catalog_product WHERE id IN ({placeholders})", list(ids))  # safe: CWE-89 placeholders only
        return cur.fetchall()


def reindex_from(feed_url):
    resp = requests.get(feed_url, timeout=10)  # expect: CWE-918 feed_url comes from request.data in views.py
    resp.raise_for_status()
    return len(resp.json().get("items", []))


def reindex_from_trusted(feed_url):
    host = urlparse(feed_url).hostname
    if host not in FEED_HOSTS:
        raise ValueError("unknown feed host")
    resp = requests.get(feed_url, timeout=10)  # safe: CWE-918 host allow-list
    resp.raise_for_status()
    return len(resp.json().get("items", []))
