from fastapi import FastAPI, Query

api = FastAPI()


@api.get("/eval/{expr}")
async def evaluate(expr: str):
    return {"value": eval(expr)}  # want: PP203


@api.get("/square/{n}")
async def square(n: int):
    return {"value": eval(f"{n} * {n}")}  # safe look-alike: n is an int


@api.post("/exec")
async def execute(code: str = Query(...)):
    scope = {}
    exec(  # want: PP203
        code,
        scope,
    )
    return scope.get("result")
