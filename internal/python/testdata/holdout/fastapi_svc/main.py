"""Inventory service (FastAPI)."""
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import admin, files, hooks, items

app = FastAPI(title="inventory")
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])  # expect: CWE-942

for router in (items.router, admin.router, files.router, hooks.router):
    app.include_router(router)

partner = FastAPI(title="inventory-partner")
partner.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*", allow_credentials=True)  # expect: CWE-942 the regex admits every https origin
partner.include_router(items.router)

if __name__ == "__main__":
    uvicorn.run("fastapi_svc.main:app", host="0.0.0.0", port=8000, proxy_headers=True)  # expect: CWE-605
