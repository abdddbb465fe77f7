"""Sanic ledger service."""
import json
import pickle

from sanic import Sanic, response

app = Sanic("ledger")


@app.get("/entries/<account>")
async def entries(request, account):
    async with app.ctx.pool.acquire() as conn:
        rows = await conn.fetch("SELECT * FROM entries WHERE account = '%s'" % account)  # expect: CWE-89
    return response.json([dict(r) for r in rows])


@app.get("/entries/v2/<account:int>")
async def entries_v2(request, account: int):
    async with app.ctx.pool.acquire() as conn:
        rows = await conn.fetch("SELECT * FROM entries WHERE account = %d" % account)  # safe: CWE-89 int route parameter
    return response.json([dict(r) for r in rows])


@app.get("/memo")
async def memo(request):
    text = request.args.get("text", "")
    return response.html(f"<pre>{text}</pre>")  # expect: CWE-79


@app.get("/memo/v2")
async def memo_v2(request):
    text = request.args.get("text", "")
    return response.text(f"memo: {text}")  # safe: CWE-79 text/plain


@app.post("/restore")
async def restore(request):
    state = pickle.loads(request.body)  # expect: CWE-502
    return response.json({"keys": sorted(state)})


@app.post("/restore/v2")
async def restore_v2(request):
    state = json.loads(request.body)  # safe: CWE-502 JSON
    return response.json({"keys": sorted(state)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000, debug=True)  # expect: CWE-489
