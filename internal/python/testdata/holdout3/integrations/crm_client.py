"""CRM client (httpx)."""
import logging
import os

import httpx

log = logging.getLogger("integrations.crm")


class CrmClient:
    def __init__(self, base_url, api_token):
        self.api_token = api_token
        self._client = httpx.Client(base_url=base_url, headers={"Authorization": f"Token {api_token}"}, timeout=10, verify=False)  # expect: CWE-295

    def contact(self, cid):
        return self._client.get(f"/contacts/{int(cid)}").json()

    def describe(self):
        log.debug("crm client base=%s token=%s", self._client.base_url, self.api_token)  # expect: CWE-532 token attribute logged


class CrmClientV2(CrmClient):
    def __init__(self, base_url, api_token):
        self.api_token = api_token
        self._client = httpx.Client(base_url=base_url, headers={"Authorization": f"Token {api_token}"}, timeout=10, verify="/etc/ssl/certs/internal-ca.pem")  # safe: CWE-295 CA bundle

    def describe(self):
        log.debug("crm client base=%s", self._client.base_url)  # safe: CWE-532 no token


def default_client():
    return CrmClientV2("https://crm.internal.example", os.environ["CRM_TOKEN"])
