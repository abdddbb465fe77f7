"""Client for the partner order API."""
from urllib.parse import quote

import requests

from .settings import PARTNER_API_TOKEN


class PartnerClient:
    BASE = "https://api.partner.example/v2"

    def __init__(self, token=PARTNER_API_TOKEN):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def orders(self, since):
        r = self.session.get(f"{self.BASE}/orders", params={"since": since})  # expect: CWE-400 Session call without a timeout
        r.raise_for_status()
        return r.json()

    def order(self, oid):
        r = self.session.get(f"{self.BASE}/orders/{int(oid)}", timeout=10)  # safe: CWE-400, CWE-918
        r.raise_for_status()
        return r.json()

    def upload(self, path):
        with open(path, "rb") as fh:
            r = requests.post(f"{self.BASE}/uploads", files={"file": fh}, timeout=(5, 60), verify=False)  # expect: CWE-295
        return r.status_code

    def ping(self):
        return requests.head(self.BASE, timeout=3, verify="/etc/ssl/certs/partner-ca.pem").ok  # safe: CWE-295, CWE-400 CA bundle and timeout


def legacy_status():
    return requests.get("https://status.partner.example/legacy").json()  # expect: CWE-400


def fetch_doc(doc_path):
    for _attempt in range(3):
        try:
            return requests.get("https://api.partner.example/v2/docs/" + quote(doc_path, safe=""), timeout=5)  # safe: CWE-400, CWE-918 fixed host, quoted segment
        except requests.Timeout:
            continue
    return None
