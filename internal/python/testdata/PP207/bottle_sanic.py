"""Redirects in Bottle and Sanic."""
from bottle import Bottle, redirect, request
from sanic import Sanic
from sanic import response as sresponse

app = Bottle()
sapp = Sanic("links")


@app.get("/out")
def out():
    redirect(request.query.get("to", "/"))  # want: PP207


@app.get("/page/<name>")
def page(name):
    redirect("/wiki/" + name)  # safe look-alike: a fixed path prefix


@sapp.get("/go")
async def go(request):
    return sresponse.redirect(request.args.get("next", "/"))  # want: PP207


@sapp.get("/go/home")
async def go_home(request):
    return sresponse.redirect("/home/" + request.args.get("tab", ""))  # safe look-alike
