"""Fetches supplier feeds and images on behalf of the UI."""
from urllib.parse import urlparse

import httpx
import requests
from fastapi import APIRouter, HTTPException, Request

router = APIRouter(prefix="/proxy")

SUPPLIER_API = "https://api.supplier.example"
IMAGE_HOSTS = {"img.supplier.example", "cdn.example.com"}


@router.get("/feed")
async def feed(url: str):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(url)  # expect: CWE-918
    return {"status": resp.status_code, "size": len(resp.content)}


@router.get("/image")
def image(url: str):
    if urlparse(url).hostname not in IMAGE_HOSTS:
        raise HTTPException(status_code=400, detail="host not allowed")
    resp = httpx.get(url, timeout=10)  # safe: CWE-918 host allow-list
    return {"size": len(resp.content)}


@router.get("/supplier/{sku}")
def supplier_item(sku: int):
    resp = requests.get(f"{SUPPLIER_API}/items/{sku}", timeout=10)  # safe: CWE-918 constant host, int path
    return resp.json()


@router.post("/callback")
async def callback(request: Request):
    body = await request.json()
    resp = requests.post(body["callback_url"], json={"ok": True}, timeout=5)  # expect: CWE-918
    return {"status": resp.status_code}


@router.get("/mirror")
def mirror(host: str):
    resp = requests.get("http://" + host + "/robots.txt", timeout=5)  # expect: CWE-918
    return {"robots": resp.text}
