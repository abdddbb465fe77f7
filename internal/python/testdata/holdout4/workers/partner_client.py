import logging
import os

import requests

log = logging.getLogger(__name__)
RATES_URL = "https://api.rates.example/latest"


def fetch_rates():
    return requests.get(RATES_URL).json()  # expect: CWE-400


def fetch_rates_v2():
    return requests.get(RATES_URL, timeout=(3.05, 10)).json()  # safe: CWE-400


class PartnerClient:
    def __init__(self, base="https://partner.example/api"):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Authorization"] = "Bearer " + os.environ.get("PARTNER_TOKEN", "")
        self.api_key = os.environ.get("PARTNER_API_KEY", "")

    def orders(self):
        return self.session.get(self.base + "/orders").json()  # expect: CWE-400

    def order(self, oid):
        return self.session.get(f"{self.base}/orders/{int(oid)}", timeout=10).json()  # safe: CWE-400

    def debug_dump(self):
        log.debug("partner client base=%s key=%s", self.base, self.api_key)  # expect: CWE-532

    def describe(self):
        log.info("partner client base=%s key set=%s", self.base, bool(self.api_key))  # safe: CWE-532 only a boolean
