"""Network diagnostics page of the customer router UI."""
import os
import re
import subprocess

import pexpect
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
HOST_RE = re.compile(r"[A-Za-z0-9.-]{1,253}")


@app.route("/whois")
def whois():
    domain = request.args["domain"]
    return jsonify(out=subprocess.getoutput("whois " + domain))  # expect: CWE-78


@app.route("/whois/v2")
def whois_v2():
    domain = request.args["domain"]
    if not HOST_RE.fullmatch(domain):
        abort(400)
    return jsonify(out=subprocess.getoutput("whois " + domain))  # safe: CWE-78 fullmatch on a strict pattern


@app.route("/trace")
def trace():
    host = request.args["host"]
    proc = subprocess.Popen(["sh", "-c", "traceroute -m 10 " + host], stdout=subprocess.PIPE)  # expect: CWE-78
    return jsonify(out=proc.communicate()[0].decode())


@app.route("/trace/v2")
def trace_v2():
    host = request.args["host"]
    proc = subprocess.Popen(["traceroute", "-m", "10", host], stdout=subprocess.PIPE)  # safe: CWE-78 argv list
    return jsonify(out=proc.communicate()[0].decode())


@app.route("/lookup")
def lookup():
    name = request.args["name"]
    with os.popen(f"nslookup {name}") as pipe:  # expect: CWE-78
        return jsonify(out=pipe.read())


@app.route("/ssh-check", methods=["POST"])
def ssh_check():
    target = request.form["target"]
    child = pexpect.spawn(f"ssh -o BatchMode=yes {target} true")  # expect: CWE-78
    child.expect(pexpect.EOF)
    return jsonify(rc=child.exitstatus)


@app.route("/ports")
def ports():
    port = int(request.args.get("port", "80"))
    return jsonify(out=subprocess.getoutput(f"ss -ltn sport = :{port}"))  # safe: CWE-78 int()


@app.route("/reboot", methods=["POST"])
def reboot():
    delay = request.form.get("delay", "now")
    os.execl("/bin/sh", "sh", "-c", "shutdown -r " + delay)  # expect: CWE-78
