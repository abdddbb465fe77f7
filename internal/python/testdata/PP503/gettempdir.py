"""Fixed names in the shared temporary directory, found through tempfile.gettempdir()."""
import os
import os.path as osp
import tempfile
import uuid


def write_pid():
    with open(osp.join(tempfile.gettempdir(), "shopd.pid"), "w") as fh:  # want: PP503
        fh.write(str(os.getpid()))


def write_unique():
    with open(os.path.join(tempfile.gettempdir(), uuid.uuid4().hex + ".pid"), "w") as fh:  # safe look-alike: a random name
        fh.write(str(os.getpid()))


def read_pid():
    with open(osp.join(tempfile.gettempdir(), "shopd.pid")) as fh:  # safe look-alike: read only
        return fh.read()


def scratch():
    fd, path = tempfile.mkstemp(dir=tempfile.gettempdir())  # safe look-alike
    os.close(fd)
    return path
