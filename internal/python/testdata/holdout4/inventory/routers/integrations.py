import urllib.request
from html.parser import HTMLParser
from urllib.parse import quote, urlparse

import httpx
import requests
from fastapi import APIRouter, HTTPException

from ..config import settings
from ..schemas import WebhookIn

router = APIRouter(prefix="/integrations", tags=["integrations"])
SUPPLIER_API = "https://api.supplier.example/v2"


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = ""
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "title"

    def handle_data(self, data):
        if self._in:
            self.title += data


def extract_title(raw: bytes) -> str:
    p = _TitleParser()
    p.feed(raw.decode("utf-8", "replace"))
    return p.title.strip()


@router.post("/webhooks/test")
async def test_webhook(body: WebhookIn):
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.post(body.url, json={"ping": True})  # expect: CWE-918
    return {"status": r.status_code}


@router.post("/webhooks/test-checked")
async def test_webhook_checked(body: WebhookIn):
    parsed = urlparse(body.url)
    if parsed.scheme != "https" or parsed.hostname not in settings.allowed_webhook_hosts:
        raise HTTPException(400, "host not allowed")
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.post(body.url, json={"ping": True})  # safe: CWE-918 host allow-list
    return {"status": r.status_code}


@router.get("/supplier/{supplier_id}/catalog")
def supplier_catalog(supplier_id: int, page: str = "1"):
    r = requests.get(f"{SUPPLIER_API}/catalog/{supplier_id}", params={"page": page}, timeout=10)  # safe: CWE-918 fixed host
    return r.json()


@router.get("/supplier/search")
def supplier_search(q: str):
    r = requests.get(SUPPLIER_API + "/search/" + quote(q, safe=""), timeout=10)  # safe: CWE-918 fixed host, quoted path
    return r.json()


@router.get("/preview")
def preview(url: str):
    with urllib.request.urlopen(url, timeout=5) as resp:  # expect: CWE-918
        return {"title": extract_title(resp.read(65536))}


@router.get("/status/{service}")
def service_status(service: str):
    hosts = {"billing": "https://billing.internal.example/health", "search": "https://search.internal.example/health"}
    if service not in hosts:
        raise HTTPException(404)
    r = httpx.get(hosts[service], timeout=3)  # safe: CWE-918 constant map
    return {"service": service, "ok": r.is_success}
