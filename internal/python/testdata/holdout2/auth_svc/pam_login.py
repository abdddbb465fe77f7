"""PAM-backed login for the on-prem admin console."""
import ctypes
import ctypes.util
from ctypes import CFUNCTYPE, POINTER, Structure, byref, c_char_p, c_int, c_void_p

libpam = ctypes.CDLL(ctypes.util.find_library("pam"))


class PamHandle(Structure):
    _fields_ = [("handle", c_void_p)]


class PamConv(Structure):
    _fields_ = [("conv", c_void_p), ("appdata_ptr", c_void_p)]


def _start(service, username, conv):
    handle = PamHandle()
    rc = libpam.pam_start(service.encode(), username.encode(), byref(conv), byref(handle))
    if rc != 0:
        raise OSError(rc, "pam_start failed")
    return handle


def console_login(username, conv):
    handle = _start("admin-console", username, conv)
    try:
        return libpam.pam_authenticate(handle, 0) == 0  # expect: CWE-285 expired or locked accounts are never checked
    finally:
        libpam.pam_end(handle, 0)


def console_login_v2(username, conv):
    handle = _start("admin-console", username, conv)
    try:
        if libpam.pam_authenticate(handle, 0) != 0:  # safe: CWE-285 account management checked below
            return False
        return libpam.pam_acct_mgmt(handle, 0) == 0
    finally:
        libpam.pam_end(handle, 0)
