"""Scratch files used by the thumbnailer."""
import json
import tempfile
from pathlib import Path

SHM_CACHE = Path("/dev/shm/thumb-cache.bin")


def write_cache(blob: bytes):
    SHM_CACHE.write_bytes(blob)  # expect: CWE-377 fixed name in a world-writable directory


def write_manifest(entries):
    with open("/var/tmp/thumbs-manifest.json", "w") as fh:  # expect: CWE-377
        json.dump(entries, fh)


def write_manifest_v2(entries):
    with tempfile.TemporaryFile("w+") as fh:  # safe: CWE-377 anonymous temporary file
        json.dump(entries, fh)
        fh.seek(0)
        return fh.read()


def read_meminfo():
    with open("/proc/meminfo") as fh:  # safe: CWE-377 reading a kernel file
        return fh.readline()
