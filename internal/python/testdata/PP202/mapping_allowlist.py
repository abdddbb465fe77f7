"""A value looked up in a dict of constant keys is one of those keys once the lookup succeeds."""
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)
FORMATS = {"csv": "text/csv", "json": "application/json"}
TOOLS = {"lint": ["ruff"], "test": ["pytest"]}


@app.get("/export")
def export():
    fmt = request.args.get("format", "csv")
    if (ctype := FORMATS.get(fmt)) is None:
        abort(400)
    subprocess.run(f"/opt/bin/export --format {fmt}", shell=True)  # safe: fmt is a key of FORMATS
    return ctype


@app.get("/export2")
def export2():
    fmt = request.args["format"]
    if FORMATS.get(fmt) is not None:
        subprocess.run("/opt/bin/export --format " + fmt, shell=True)  # safe: fmt is a key of FORMATS
    else:
        subprocess.run("/opt/bin/export --guess " + fmt, shell=True)  # want: PP202
    return "ok"


@app.get("/run")
def run():
    tool = request.args["tool"]
    if not TOOLS.get(tool):
        abort(404)
    subprocess.run("make " + tool, shell=True)  # safe: tool is a key of TOOLS
    return "ok"


@app.get("/run2")
def run2():
    tool = request.args["tool"]
    if TOOLS.get(tool, ["true"]) is None:
        abort(404)
    subprocess.run("make " + tool, shell=True)  # want: PP202
    return "ok"


@app.get("/run3")
def run3():
    tool = request.args["tool"]
    cmd = TOOLS.get(tool)
    subprocess.run("make " + tool, shell=True)  # want: PP202
    return str(cmd)
