"""Inventory service entry point."""
import os

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import files, items, pages, proxy, search

app = FastAPI(title="inventory", debug=True)  # expect: CWE-489
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])  # expect: CWE-942

for router in (files.router, items.router, pages.router, proxy.router, search.router):
    app.include_router(router)


def build_internal_app():
    internal = FastAPI(title="inventory-internal", debug=os.environ.get("APP_DEBUG") == "1")  # safe: CWE-489
    internal.add_middleware(CORSMiddleware, allow_origins=["https://ops.example.com"], allow_credentials=True)  # safe: CWE-942
    internal.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)  # expect: CWE-942
    return internal


def build_public_app():
    public = FastAPI(title="inventory-public")
    public.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])  # safe: CWE-942 no credentials
    return public


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8080)  # expect: CWE-605
