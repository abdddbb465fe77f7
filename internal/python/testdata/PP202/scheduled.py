"""Commands built in functions that a task queue or a pool runs later."""
import asyncio
import os
import shlex
import subprocess
from multiprocessing import Pool

from celery import Celery
from flask import Flask, request

app = Flask(__name__)
queue = Celery("jobs")


@queue.task
def archive(folder):
    os.system("tar czf /backups/out.tgz " + folder)  # want: PP202


@queue.task
def compress(name, level):
    subprocess.run(f"gzip -{level} {name}", shell=True)  # want: PP202


def convert(path):
    subprocess.call("convert " + path + " out.png", shell=True)  # want: PP202


def quoted(path):
    subprocess.call("wc -l " + shlex.quote(path), shell=True)  # safe: quoted for the shell


def resize(width):
    os.system("mogrify -resize %d img.png" % width)  # safe: only ever an int


@app.post("/archive")
def archive_view():
    archive.delay(request.form["folder"])
    return "queued"


@app.post("/compress")
def compress_view():
    compress.apply_async(args=(request.form["name"], 9))
    return "queued"


@app.post("/convert")
def convert_view():
    with Pool(2) as p:
        p.apply_async(convert, (request.args["path"],))
    return "ok"


@app.post("/count")
def count_view():
    with Pool(2) as p:
        p.map(quoted, request.form.getlist("paths"))
    return "ok"


@app.post("/resize")
async def resize_view():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, resize, int(request.args["w"]))
    return "ok"
