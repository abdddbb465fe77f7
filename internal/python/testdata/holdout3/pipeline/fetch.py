"""Downloads job sources."""
from urllib.parse import urlsplit

import httpx
import requests

ALLOWED_SOURCES = {"data.example.com", "exports.partner.example"}


def fetch_text(url):
    resp = requests.get(url, timeout=30)  # expect: CWE-918 URL from the job spec
    resp.raise_for_status()
    return resp.text


def fetch_text_checked(url):
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_SOURCES:
        raise ValueError("source not allowed")
    return requests.get(url, timeout=30).text  # safe: CWE-918 scheme and host allow-listed


async def stream_source(url):
    async with httpx.AsyncClient(timeout=30) as client:
        async with client.stream("GET", url) as resp:  # expect: CWE-918 async generator over a client-chosen URL
            async for line in resp.aiter_lines():
                yield line
