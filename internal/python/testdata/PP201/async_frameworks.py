"""asyncpg under Sanic and Falcon responders: query text built from the request."""
import falcon
from sanic import Sanic, response
from tornado.httpclient import AsyncHTTPClient

app = Sanic("ledger")


@app.get("/users/<name>")
async def user(request, name):
    async with app.ctx.pool.acquire() as conn:
        row = await conn.fetchrow(f"SELECT id FROM users WHERE name = '{name}'")  # want: PP201
        same = await conn.fetchrow("SELECT id FROM users WHERE name = $1", name)  # safe look-alike: bound parameter
    return response.json({"row": dict(row), "same": dict(same)})


@app.get("/entries/<account>")
async def entries(request, account):
    rows = await app.ctx.pool.fetch("SELECT * FROM entries WHERE account = '%s'" % account)  # want: PP201
    return response.json([dict(r) for r in rows])


@app.get("/entries/v2/<account:int>")
async def entries_v2(request, account):
    rows = await app.ctx.pool.fetch("SELECT * FROM entries WHERE account = %d" % account)  # safe look-alike: the route converts to int
    return response.json([dict(r) for r in rows])


@app.get("/count")
async def count(request):
    table = request.args.get("table", "entries")
    n = await app.ctx.pool.fetchval("SELECT count(*) FROM " + table)  # want: PP201
    return response.json({"n": n})


@app.get("/proxy")
async def proxy(request):
    client = AsyncHTTPClient()
    resp = await client.fetch(request.args.get("url", ""))  # safe look-alike: an HTTP fetch, not SQL
    return response.text(resp.body.decode())


class SalesResource:
    def __init__(self, db):
        self.db = db

    def on_get(self, req, resp):
        year = req.get_param_as_int("year", default=2024)
        region = req.get_param("region", default="eu")
        cur = self.db.cursor()
        cur.execute(f"SELECT * FROM sales WHERE year = {year} AND region = '{region}'")  # want: PP201
        cur.execute(f"SELECT * FROM sales WHERE year = {year}")  # safe look-alike: get_param_as_int returns an int
        resp.media = cur.fetchall()

    def on_get_region(self, req, resp, region):
        cur = self.db.cursor()
        cur.execute("SELECT * FROM sales WHERE region = '" + region + "'")  # want: PP201
        resp.media = cur.fetchall()


def create_app(db):
    api = falcon.App()
    api.add_route("/sales", SalesResource(db))
    api.add_route("/sales/{region}", SalesResource(db), suffix="region")
    return api
