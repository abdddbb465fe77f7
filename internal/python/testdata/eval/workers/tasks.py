"""Periodic maintenance tasks run by the worker pool."""
import hashlib
import os
import shutil
import subprocess
import tempfile

from celery import Celery

app = Celery("tasks", broker=os.environ["BROKER_URL"])

REPORT_HOST = os.environ.get("REPORT_HOST", "reports.internal")


@app.task
def compress_logs():
    work = tempfile.mkdtemp()  # safe: CWE-377
    subprocess.run(["tar", "czf", os.path.join(work, "logs.tgz"), "/var/log/app"], check=True)  # safe: CWE-78
    shutil.move(os.path.join(work, "logs.tgz"), "/archive/logs.tgz")  # safe: CWE-22 constant paths
    return "/archive/logs.tgz"


@app.task
def publish_reports():
    subprocess.run("rsync -a /srv/reports/ " + REPORT_HOST + ":/data/", shell=True, check=True)  # expect: CWE-78


@app.task
def warm_cache():
    subprocess.run("curl -s https://shop.example.com/ > /dev/null", shell=True, check=True)  # safe: CWE-78 constant


@app.task
def fingerprint_release(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()  # safe: CWE-328


@app.task
def scratch_file():
    path = tempfile.mktemp(dir="/var/tmp")  # expect: CWE-377
    with open(path, "w") as fh:
        fh.write("scratch")
    os.chmod(path, 0o640)  # safe: CWE-732
    return path


@app.task
def nightly():
    fingerprint_release("/srv/releases/latest.tar.gz")
    compress_logs()
