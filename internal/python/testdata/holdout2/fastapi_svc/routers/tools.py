import ast
import html
import logging
import operator

import httpx
from fastapi import APIRouter, BackgroundTasks, Body, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from jinja2 import Environment, Template

from ..core.config import Settings, get_settings
from ..core.security import current_claims, require_admin
from ..schemas import RenderIn, ScriptIn, WebhookIn

router = APIRouter(prefix="/tools", tags=["tools"])
log = logging.getLogger("inventory.tools")

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
LABEL_TEMPLATE = Template("<div class='label'>{{ title }} ({{ sku }})</div>", autoescape=True)


def _arith(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_arith(node.left), _arith(node.right))
    raise ValueError("unsupported expression")


@router.post("/calc")
async def calc(body: ScriptIn, claims: dict = Depends(current_claims)):
    return {"value": _arith(ast.parse(body.expression, mode="eval").body)}  # safe: CWE-94 parsed and walked, never evaluated


@router.post("/calc-legacy")
async def calc_legacy(body: ScriptIn, claims: dict = Depends(require_admin)):
    return {"value": eval(body.expression, {"__builtins__": {}})}  # expect: CWE-94 emptied builtins do not make eval safe


@router.post("/render")
async def render(body: RenderIn, claims: dict = Depends(current_claims)):
    text = Environment(autoescape=True).from_string(body.template).render(title=body.title)  # expect: CWE-1336 template source from the body
    return JSONResponse({"rendered": text})


@router.get("/label", response_class=HTMLResponse)
async def label(title: str = Query(...), sku: str = Query(...)):
    return LABEL_TEMPLATE.render(title=title, sku=sku)  # safe: CWE-79, CWE-1336 constant autoescaped template


@router.get("/card", response_class=HTMLResponse)
async def card(title: str = Query(...)):
    return HTMLResponse(f"<section><h3>{title}</h3></section>")  # expect: CWE-79 query value in HTML


@router.get("/card-v2")
async def card_v2(title: str = Query(...)):
    return HTMLResponse(f"<section><h3>{html.escape(title)}</h3></section>")  # safe: CWE-79 html.escape


@router.get("/echo")
async def echo(msg: str = Query("")):
    return PlainTextResponse(msg)  # safe: CWE-79 text/plain response


async def _deliver(url: str, payload: dict, timeout: float):
    async with httpx.AsyncClient(timeout=timeout) as client:
        await client.post(url, json=payload)  # expect: CWE-918 callback URL chosen by the client (see register_webhook)


@router.post("/webhooks")
async def register_webhook(body: WebhookIn, tasks: BackgroundTasks, settings: Settings = Depends(get_settings), claims: dict = Depends(current_claims)):
    tasks.add_task(_deliver, str(body.callback_url), {"event": body.event, "test": True}, settings.webhook_timeout)
    return {"queued": True}


@router.post("/notify")
async def notify(event: str = Body(..., embed=True), claims: dict = Depends(current_claims)):
    async with httpx.AsyncClient(base_url="https://hooks.internal.example.com", timeout=5) as client:
        await client.post("/events", json={"event": event, "sub": claims["sub"]})  # safe: CWE-918 fixed base URL and path
    log.info("event %r sent", event)  # safe: CWE-117 %r
    return {"sent": True}
