import logging
import pickle

import aiofiles
from quart import Quart, jsonify, redirect, render_template_string, request, session, url_for

app = Quart(__name__)
app.config.from_prefixed_env()
log = logging.getLogger("quart-notes")

NOTE_TEMPLATE = "<article><h1>{{ title }}</h1>{{ body }}</article>"


@app.post("/notes/preview")
async def preview():
    form = await request.form
    return await render_template_string(NOTE_TEMPLATE, title=form["title"], body=form["body"])  # safe: CWE-1336, CWE-79 constant autoescaped template


@app.post("/notes/custom")
async def custom():
    form = await request.form
    layout = "<article>" + form["layout"] + "</article>"
    html = await render_template_string(layout, title=form["title"])  # expect: CWE-1336 layout comes from the form
    return jsonify(html=html)


@app.post("/notes/restore")
async def restore():
    data = await request.get_data()
    notes = pickle.loads(data)  # expect: CWE-502 request body unpickled
    return jsonify(count=len(notes))


@app.post("/workspace")
async def workspace():
    form = await request.form
    session["workspace"] = form["workspace"]  # expect: CWE-501 unchecked workspace name in the session
    return redirect(url_for("index"))  # safe: CWE-601 url_for


@app.get("/")
async def index():
    async with aiofiles.open("/srv/notes/motd.txt") as fh:
        motd = await fh.read()
    return jsonify(motd=motd, workspace=session.get("workspace"))
