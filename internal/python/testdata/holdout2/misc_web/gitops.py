"""Self-service deploy hooks for internal teams."""
import logging
import os
import shlex
import subprocess
from os import system as sh

import pexpect
from flask import Blueprint, abort, jsonify, request

bp = Blueprint("gitops", __name__)
log = logging.getLogger("gitops")

REPO_ROOT = "/srv/repos"
TOOLS = {"lint": "/usr/local/bin/lint-repo", "test": "/usr/local/bin/test-repo"}


@bp.post("/hooks/checkout")
def checkout():
    data = request.get_json()
    repo, branch = data["repo"], data["branch"]
    cmd = f"cd {REPO_ROOT}/{repo}"
    cmd += f" && git fetch origin && git checkout {branch}"
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)  # expect: CWE-78 repo and branch built into a shell string in two steps
    return jsonify(pid=proc.pid)


@bp.post("/hooks/checkout-v2")
def checkout_v2():
    data = request.get_json()
    argv = ["git", "-C", os.path.join(REPO_ROOT, os.path.basename(data["repo"])), "checkout", data["branch"]]
    subprocess.run(shlex.join(argv), shell=True, check=True, timeout=120)  # safe: CWE-78 shlex.join quotes every argument
    return jsonify(ok=True)


@bp.post("/hooks/tag")
def tag():
    name = request.form["tag"]
    rc = sh("git -C /srv/repos/main tag " + name)  # expect: CWE-78 aliased os.system
    return jsonify(rc=rc)


@bp.post("/hooks/tool")
def run_tool():
    tool = request.form.get("tool", "")
    subprocess.run([tool, "--repo", REPO_ROOT], check=True, timeout=300)  # expect: CWE-78 program chosen by the client
    return jsonify(ok=True)


@bp.post("/hooks/tool-v2")
def run_tool_v2():
    exe = TOOLS.get(request.form.get("tool", ""))
    if exe is None:
        abort(400)
    subprocess.run([exe, "--repo", REPO_ROOT], check=True, timeout=300)  # safe: CWE-78 program from TOOLS
    return jsonify(ok=True)


@bp.post("/hooks/ssh-test")
def ssh_test():
    host = request.form["host"]
    child = pexpect.spawn(f"ssh -o BatchMode=yes deploy@{host} true")  # expect: CWE-78 host in a pexpect command line
    child.expect(pexpect.EOF, timeout=20)
    return jsonify(status=child.exitstatus)
