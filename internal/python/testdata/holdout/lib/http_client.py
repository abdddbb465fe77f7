"""Shared HTTP session factory that trusts the company's CA bundle."""
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

CA_BUNDLE = os.environ.get("INTERNAL_CA_BUNDLE", "/etc/ssl/certs/internal-ca.pem")


class ApiClient:
    """JSON client bound to one base URL; callers pass only paths and query parameters."""

    def __init__(self, base_url, token, verify=CA_BUNDLE, timeout=10):
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = verify  # safe: CWE-295 a CA bundle path unless a caller says otherwise
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.3)))

    def get_json(self, path, **params):
        url = self.base_url + path.lstrip("/")
        resp = self.session.get(url, params=params, timeout=self.timeout)  # safe: CWE-918 host fixed by base_url, callers pass constant paths
        resp.raise_for_status()
        return resp.json()


def legacy_session():
    """Session for the 2016 inventory appliance, which has a self-signed certificate."""
    session = requests.Session()
    session.verify = False  # expect: CWE-295
    return session


def status_of(url):
    return requests.head(url, timeout=5, verify=True, allow_redirects=False).status_code  # safe: CWE-295 verification on
