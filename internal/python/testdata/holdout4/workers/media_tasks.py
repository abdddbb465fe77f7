import json
import os
import shlex
import shutil
import subprocess
import tempfile

from .celery_app import app
from .s3 import fetch_object

PRESETS = {"fast", "medium", "slow"}
WORK_DIR = os.environ.get("MEDIA_WORK_DIR", "/srv/media-work")


@app.task
def make_thumbnail(src_path, size):
    w, h = (int(x) for x in size.split("x"))
    subprocess.run(["convert", src_path, "-resize", f"{w}x{h}", src_path + ".thumb.jpg"], check=True)  # safe: CWE-78 argument vector


@app.task
def transcode(src_path, preset):
    cmd = "ffmpeg -y -i %s -preset %s %s.mp4" % (src_path, preset, src_path)
    os.system(cmd)  # expect: CWE-78


@app.task
def transcode_v2(src_path, preset):
    if preset not in PRESETS:
        raise ValueError(preset)
    subprocess.run(["ffmpeg", "-y", "-i", src_path, "-preset", preset, src_path + ".mp4"], check=True)  # safe: CWE-78 argument vector


@app.task
def probe(src_path):
    out = subprocess.check_output(f"ffprobe -v quiet -print_format json -show_format {shlex.quote(src_path)}", shell=True)  # safe: CWE-78 shlex.quote
    return json.loads(out)


@app.task
def probe_remote(bucket, key):
    local = fetch_object(bucket, key, WORK_DIR)
    return subprocess.check_output(["ffprobe", "-v", "quiet", "-show_format", local], text=True)  # safe: CWE-78 argument vector


@app.task
def scratch_copy(src_path):
    tmp = tempfile.mktemp(suffix=".mp4")  # expect: CWE-377
    shutil.copy(src_path, tmp)
    return tmp


@app.task
def scratch_copy_v2(src_path):
    fd, tmp = tempfile.mkstemp(suffix=".mp4", dir=WORK_DIR)  # safe: CWE-377 mkstemp
    with os.fdopen(fd, "wb") as out, open(src_path, "rb") as src:
        shutil.copyfileobj(src, out)
    return tmp


@app.task
def write_progress(job_id, pct):
    with open("/tmp/transcode-progress.json", "w") as fh:  # expect: CWE-377
        json.dump({"job": job_id, "pct": pct}, fh)


@app.task
def write_progress_v2(job_id, pct):
    with tempfile.NamedTemporaryFile("w", suffix=".json", dir=WORK_DIR, delete=False) as fh:  # safe: CWE-377
        json.dump({"job": job_id, "pct": pct}, fh)
    return fh.name
