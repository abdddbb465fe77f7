"""Formula fields and plugin hooks of the spreadsheet service (FastAPI)."""
import ast
import importlib
import json
import math

from fastapi import FastAPI, HTTPException

app = FastAPI()
FUNCS = {"sqrt": math.sqrt, "log": math.log, "abs": abs}


@app.get("/formula")
def formula(expr: str):
    return {"value": eval(expr, {"__builtins__": {}}, FUNCS)}  # expect: CWE-94


@app.get("/formula/v2")
def formula_v2(expr: str):
    tree = ast.parse(expr, mode="eval")  # safe: CWE-94 parsing is not evaluation
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    if not names <= FUNCS.keys():
        raise HTTPException(status_code=400, detail="unknown name")
    return {"names": sorted(names)}


@app.get("/literal")
def literal(value: str):
    return {"value": ast.literal_eval(value)}  # safe: CWE-94


@app.get("/json")
def parse_json(value: str):
    return {"value": json.loads(value)}  # safe: CWE-94, CWE-502


@app.get("/codec")
def codec():
    mod = importlib.import_module("json")  # safe: CWE-94 constant module
    return {"name": mod.__name__}


@app.get("/apply")
def apply(func: str, x: float):
    if func not in FUNCS:
        raise HTTPException(status_code=400)
    return {"value": eval(func + "(x)", {"__builtins__": {}}, {**FUNCS, "x": x})}  # safe: CWE-94 allow-listed name


@app.post("/hook")
def hook(source: str):
    namespace = {}
    exec(source, namespace)  # expect: CWE-94
    return {"names": sorted(k for k in namespace if not k.startswith("__"))}


def chunk(data: bytes, size: int):
    assert size > 0  # safe: CWE-617 programming-error check
    return [data[i:i + size] for i in range(0, len(data), size)]
