"""Functions handed to a scheduler still get the request's data, only later."""
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from fastapi import BackgroundTasks, FastAPI

api = FastAPI()
pool = ThreadPoolExecutor(max_workers=4)
TRUSTED = "https://hooks.example.com/notify"


def notify(url, payload):
    requests.post(url, json=payload, timeout=5)  # want: PP208


def warm(url):
    requests.get(url, timeout=5)  # want: PP208


def ping(target):
    requests.head(target, timeout=5)  # want: PP208


def fetch_report(report_url):
    return requests.get(report_url, timeout=5).text  # want: PP208


def poll(endpoint):
    requests.get(endpoint, timeout=5)  # safe: every caller passes a fixed URL


@api.post("/hooks")
async def register_hook(callback: str, tasks: BackgroundTasks):
    tasks.add_task(notify, callback, {"event": "registered"})
    return {"ok": True}


@api.post("/warm")
async def warm_cache(url: str):
    pool.submit(warm, url)
    return {"queued": True}


@api.post("/ping")
async def ping_host(host: str):
    threading.Thread(target=ping, args=(host,), daemon=True).start()
    return {"started": True}


@api.get("/report")
async def report(src: str):
    return await asyncio.to_thread(fetch_report, src)


@api.post("/poll")
async def poll_status(name: str, tasks: BackgroundTasks):
    tasks.add_task(poll, TRUSTED)
    pool.submit(poll, TRUSTED)
    threading.Thread(target=poll, args=(TRUSTED,)).start()
    return {"name": name}


def refresh(url, retries):
    requests.get(url, timeout=5)  # want: PP208


@api.post("/refresh")
async def refresh_view(url: str):
    from functools import partial
    pool.submit(partial(refresh, url, 3))
    return {"queued": True}
