import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .core.config import get_settings
from .routers import files, items, tools

app = FastAPI(title="inventory")
settings = get_settings()

app.add_middleware(CORSMiddleware, allow_origins=settings.allowed_origins, allow_credentials=True, allow_methods=["*"], allow_headers=["*"])  # safe: CWE-942 origins from the settings list

app.include_router(items.router)
app.include_router(files.router)
app.include_router(tools.router)


@app.exception_handler(ValueError)
async def value_error_handler(request: Request, exc: ValueError):
    return JSONResponse({"error": "invalid input"}, status_code=400)  # safe: CWE-209 generic message


@app.exception_handler(RuntimeError)
async def runtime_error_handler(request: Request, exc: RuntimeError):
    return JSONResponse({"error": repr(exc)}, status_code=500)  # expect: CWE-209 exception text returned


if __name__ == "__main__":
    uvicorn.run("fastapi_svc.main:app", host=os.environ.get("BIND_HOST", "127.0.0.1"), port=8080)  # safe: CWE-605 loopback default
