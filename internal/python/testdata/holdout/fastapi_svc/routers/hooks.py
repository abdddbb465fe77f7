"""Outgoing webhooks configured by tenants."""
from urllib.parse import urlparse

import httpx
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, HttpUrl

router = APIRouter(prefix="/hooks")
ALLOWED_HOOK_HOSTS = {"hooks.slack.com", "outlook.office.com"}


class Hook(BaseModel):
    url: HttpUrl
    secret: str = ""


@router.post("/test")
async def test_hook(hook: Hook):
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.post(str(hook.url), json={"ping": 1})  # expect: CWE-918 HttpUrl checks syntax, not the host
    return {"status": r.status_code}


@router.post("/test/v2")
async def test_hook_v2(hook: Hook):
    if urlparse(str(hook.url)).hostname not in ALLOWED_HOOK_HOSTS:
        raise HTTPException(400, "host not allowed")
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.post(str(hook.url), json={"ping": 1})  # safe: CWE-918 host allow-listed
    return {"status": r.status_code}


@router.post("/test/insecure")
async def test_hook_insecure(hook: Hook):
    if urlparse(str(hook.url)).hostname not in ALLOWED_HOOK_HOSTS:
        raise HTTPException(400, "host not allowed")
    async with httpx.AsyncClient(timeout=5, verify=False) as client:  # expect: CWE-295
        r = await client.post(str(hook.url), json={"ping": 1})
    return {"status": r.status_code}
