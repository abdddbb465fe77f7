import os
import zipfile

from flask import request


def zip_slip():
    zf = zipfile.ZipFile(request.files["archive"])
    for name in zf.namelist():
        with open(os.path.join("/srv/out", name), "wb") as out:  # want: PP204
            out.write(zf.read(name))


def zip_slip_checked():
    zf = zipfile.ZipFile(request.files["archive"])
    for name in zf.namelist():
        target = os.path.realpath(os.path.join("/srv/out", name))
        if not target.startswith("/srv/out/"):
            continue
        with open(target, "wb") as out:  # safe: checked against the destination
            out.write(zf.read(name))
