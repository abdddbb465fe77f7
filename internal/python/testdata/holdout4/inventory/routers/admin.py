import ast
import importlib
import json
import logging
import pickle

import yaml
from fastapi import APIRouter, Depends, HTTPException, Request, UploadFile

from ..deps import CurrentUser, require_admin
from ..schemas import FormulaIn

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_admin)])
log = logging.getLogger("inventory.admin")
PLUGINS = {"barcode": "inventory.plugins.barcode", "labels": "inventory.plugins.labels"}


@router.post("/formula")
def evaluate_formula(req: FormulaIn):
    env = {"__builtins__": {}}
    return {"result": eval(req.expression, env)}  # expect: CWE-94


@router.post("/formula-literal")
def evaluate_literal(req: FormulaIn):
    return {"result": ast.literal_eval(req.expression)}  # safe: CWE-94 literal_eval


@router.post("/restore")
async def restore(snapshot: UploadFile):
    data = await snapshot.read()
    state = pickle.loads(data)  # expect: CWE-502
    return {"keys": sorted(state)}


@router.post("/restore-json")
async def restore_json(snapshot: UploadFile):
    state = json.loads(await snapshot.read())  # safe: CWE-502 JSON
    return {"keys": sorted(state)}


@router.post("/config")
async def load_config(request: Request):
    raw = await request.body()
    cfg = yaml.load(raw, Loader=yaml.Loader)  # expect: CWE-502
    return {"sections": list(cfg)}


@router.post("/config-safe")
async def load_config_safe(request: Request):
    cfg = yaml.safe_load(await request.body())  # safe: CWE-502 safe_load
    return {"sections": list(cfg)}


@router.post("/config-loader")
async def load_config_loader(request: Request):
    cfg = yaml.load(await request.body(), Loader=yaml.SafeLoader)  # safe: CWE-502 SafeLoader
    return {"sections": list(cfg)}


@router.post("/plugins/{name}/enable")
def enable_plugin(name: str, user: CurrentUser = Depends(require_admin)):
    mod = importlib.import_module(f"inventory.plugins.{name}")  # expect: CWE-94
    mod.enable()
    return {"enabled": name}


@router.post("/plugins/{name}/enable-v2")
def enable_plugin_v2(name: str):
    if name not in PLUGINS:
        raise HTTPException(404, "unknown plugin")
    mod = importlib.import_module(PLUGINS[name])  # safe: CWE-94 constant map
    mod.enable()
    return {"enabled": name}


@router.post("/formula-json")
def evaluate_json(req: FormulaIn):
    return {"result": json.loads(req.expression)}  # safe: CWE-94 json.loads


@router.get("/constants")
def constants():
    return {"tau": eval("2 * 3.141592653589793")}  # safe: CWE-94 constant expression


@router.get("/precompiled")
def precompiled():
    code = compile("result = sum(range(10))", "<builtin>", "exec")  # safe: CWE-94 constant source
    scope = {}
    exec(code, {}, scope)  # safe: CWE-94 constant code object
    return scope


@router.post("/restore-marshal-free")
async def restore_plain(snapshot: UploadFile):
    rows = [line.split(",") for line in (await snapshot.read()).decode().splitlines()]  # safe: CWE-502 CSV text
    return {"rows": len(rows)}
