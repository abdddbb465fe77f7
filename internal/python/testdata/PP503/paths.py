import tempfile
from pathlib import Path

TMP = Path("/tmp")


def dump(text):
    Path("/tmp/dump.json").write_text(text)  # want: PP503


def dump_joined(text):
    (TMP / "dump.json").write_text(text)  # want: PP503


def dump_private(text):
    d = Path(tempfile.mkdtemp())
    (d / "dump.json").write_text(text)  # safe look-alike: a private directory


def read_dump():
    return Path("/tmp/dump.json").read_text()  # safe: read only


def open_for_write(data):
    with Path("/var/tmp/state.bin").open("wb") as fh:  # want: PP503
        fh.write(data)
