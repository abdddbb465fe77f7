"""httpx clients stream from a URL given second."""
import httpx
from fastapi import FastAPI

api = FastAPI()
BASE = "https://files.example.com"


@api.get("/mirror")
async def mirror(url: str):
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url) as resp:  # want: PP208
            return resp.status_code


@api.get("/mirror-fixed")
async def mirror_fixed(name: str):
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", BASE + "/" + name.replace("/", "")) as resp:  # safe: fixed host
            return resp.status_code
