import os
import shlex
import subprocess
import subprocess as sp
from os import system, popen

from flask import Flask, request

app = Flask(__name__)
ALLOWED_HOSTS = ("db1", "db2", "cache")


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    rc = os.system("ping -c 1 " + host)  # want: PP202
    return str(rc)


@app.route("/ping-quoted")
def ping_quoted():
    host = request.args.get("host", "")
    rc = os.system("ping -c 1 " + shlex.quote(host))  # safe look-alike: shlex.quote
    return str(rc)


@app.route("/lookup")
def lookup():
    domain = request.form["domain"]
    out = sp.check_output(f"nslookup {domain}", shell=True)  # want: PP202
    return out


@app.route("/lookup-list")
def lookup_list():
    domain = request.form["domain"]
    out = sp.check_output(["nslookup", domain])  # safe look-alike: argument list, no shell
    return out


@app.route("/grep")
def grep():
    pattern = request.values.get("q")
    proc = subprocess.Popen(  # want: PP202
        "grep -r '%s' /srv/logs" % pattern,  # the command spans lines
        shell=True,
        stdout=subprocess.PIPE,
    )
    return proc.communicate()[0]


@app.route("/grep-allowed")
def grep_allowed():
    host = request.args.get("host")
    if host not in ALLOWED_HOSTS:
        return "no", 400
    return popen("ssh %s uptime" % host).read()  # safe look-alike: allow-listed


@app.route("/archive")
def archive():
    name = request.args["name"]
    system("tar czf /tmp/out.tgz {}".format(name))  # want: PP202
    return "ok"


@app.route("/archive-dead")
def archive_dead():
    name = "backup"
    if False:
        name = request.args["name"]
    system("tar czf /tmp/out.tgz {}".format(name))  # safe: the tainted branch is dead
    return "ok"


@app.route("/run")
def run_tool():
    tool = request.args.get("tool")
    subprocess.run([tool, "--version"], capture_output=True)  # want: PP202
    return "ok"


@app.route("/run-fixed")
def run_fixed():
    arg = request.args.get("arg")
    subprocess.run(["git", "log", "--", arg], capture_output=True)  # safe: the program is fixed, no shell
    return "ok"


@app.route("/uptime")
def uptime():
    return popen("uptime").read()  # safe: constant command
