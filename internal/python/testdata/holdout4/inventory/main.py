import logging
import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .config import settings
from .routers import admin, events, files, integrations, items

log = logging.getLogger("inventory")

app = FastAPI(title="inventory", debug=settings.debug)
app.add_middleware(CORSMiddleware, allow_origins=["https://inventory.example.com"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])  # safe: CWE-942 explicit origin
for r in (items.router, files.router, integrations.router, admin.router, events.router):
    app.include_router(r)


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception):
    log.exception("unhandled error on %s", request.url.path.replace("\r", "").replace("\n", ""))  # safe: CWE-117 newline removed
    return JSONResponse({"detail": "internal error"}, status_code=500)  # safe: CWE-209


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    uvicorn.run("inventory.main:app", host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))  # expect: CWE-605
