import os
import tarfile
import zipfile

from flask import request


def extract_upload(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest)  # want: PP205


def extract_filtered(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, filter="data")  # safe: the data filter


def extract_checked(path, dest):
    with tarfile.open(path) as tar:
        safe = [m for m in tar.getmembers() if not m.name.startswith(("/", ".."))]
        tar.extractall(dest, members=safe)  # safe: an explicit member list


def vendored():
    with tarfile.open("vendor/bundle.tar.gz") as tar:
        tar.extractall("vendor")  # safe: a constant archive shipped with the code


def zip_slip():
    zf = zipfile.ZipFile(request.files["archive"])
    for name in zf.namelist():
        with open(os.path.join("/srv/out", name), "wb") as out:  # want: PP204
            out.write(zf.read(name))


def zip_extract():
    zf = zipfile.ZipFile(request.files["archive"])
    zf.extractall("/srv/out")  # safe: zipfile strips .. and absolute paths
