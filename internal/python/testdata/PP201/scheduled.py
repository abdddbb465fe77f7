"""Queries run by timers, schedulers and event-loop callbacks."""
import asyncio
import sched
import sqlite3
import threading
import time

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db", check_same_thread=False)
scheduler = sched.scheduler(time.time, time.sleep)


def expire(user):
    db.execute("DELETE FROM sessions WHERE user = '%s'" % user)  # want: PP201


def purge(table):
    db.execute("DELETE FROM " + table)  # want: PP201


def audit(action):
    db.execute("INSERT INTO audit VALUES ('" + action + "')")  # want: PP201


def touch(user_id):
    db.execute("UPDATE users SET seen = 1 WHERE id = %d" % user_id)  # safe: an int


def tidy(kind):
    db.execute("DELETE FROM cache WHERE kind = '" + kind + "'")  # safe: only ever a constant


@app.post("/logout")
def logout():
    threading.Timer(30.0, expire, args=(request.form["user"],)).start()
    scheduler.enter(60, 1, purge, argument=(request.args["table"],))
    return "bye"


@app.post("/act")
async def act():
    loop = asyncio.get_running_loop()
    loop.call_soon(audit, request.args["action"])
    loop.call_later(5, touch, int(request.args["uid"]))
    threading.Timer(1.0, tidy, args=("stale",)).start()
    scheduler.enter(1, 1, tidy, argument=("old",))
    return "ok"
