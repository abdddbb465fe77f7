"""Public catalogue API, served directly by uvicorn in the container."""
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="catalogue")
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["GET"])  # expect: CWE-942 wildcard with credentials
widgets = FastAPI(title="widgets")
widgets.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])  # safe: CWE-942 wildcard without credentials


@app.get("/ping")
async def ping():
    return {"ok": True}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)  # expect: CWE-605 all interfaces
