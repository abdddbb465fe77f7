"""Read-only public API: no cookies, so a wildcard origin is fine here."""
import os

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import items

public = FastAPI(title="inventory-public")
public.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False, allow_methods=["GET"])  # safe: CWE-942 wildcard without credentials
public.include_router(items.router)

portal = FastAPI(title="inventory-portal")
portal.add_middleware(CORSMiddleware, allow_origins=["https://inventory.example.com"], allow_credentials=True)  # safe: CWE-942 one named origin

if __name__ == "__main__":
    uvicorn.run(public, host=os.environ.get("HOST", "127.0.0.1"), port=8001)  # safe: CWE-605 loopback unless configured
