"""Starlette and aiohttp patterns convert some URL parameters before the view runs."""
from aiohttp import web
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def item(request):
    db = request.app.state.db
    item_id = request.path_params["item_id"]
    await db.execute(f"UPDATE items SET views = views + 1 WHERE id = {item_id}")  # safe: {item_id:int}
    return JSONResponse({"ok": True})


async def by_slug(request):
    db = request.app.state.db
    slug = request.path_params["slug"]
    rows = await db.fetch_all(f"SELECT * FROM items WHERE slug = '{slug}'")  # want: PP201
    return JSONResponse([dict(r) for r in rows])


async def mixed(request):
    db = request.app.state.db
    query = "SELECT * FROM items WHERE shop = %d AND tag = '%s'" % (request.path_params["shop"], request.path_params["tag"])
    rows = await db.fetch_all(query)  # want: PP201
    return JSONResponse([dict(r) for r in rows])


async def shop_only(request):
    db = request.app.state.db
    return JSONResponse(await db.fetch_all("SELECT * FROM items WHERE shop = %d" % request.path_params["shop"]))  # safe: {shop:int}


app = Starlette(routes=[
    Route("/items/{item_id:int}", item),
    Route("/items/{slug}", endpoint=by_slug),
    Route("/shops/{shop:int}/tags/{tag}", mixed),
    Route("/shops/{shop:int}", shop_only),
])


async def user(request):
    uid = request.match_info["uid"]
    await request.app["db"].execute("DELETE FROM sessions WHERE uid = " + uid)  # safe: {uid:\d+}
    return web.Response(text="ok")


async def team(request):
    name = request.match_info["name"]
    await request.app["db"].execute("DELETE FROM teams WHERE name = '" + name + "'")  # want: PP201
    return web.Response(text="ok")


aio = web.Application()
aio.add_routes([web.get(r"/users/{uid:\d+}", user), web.delete("/teams/{name}", team)])
