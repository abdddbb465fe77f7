"""PAM authentication for the bastion's web console (ctypes binding)."""
import ctypes
import ctypes.util

libpam = ctypes.CDLL(ctypes.util.find_library("pam"))


class PamHandle(ctypes.Structure):
    _fields_ = [("handle", ctypes.c_void_p)]


def _start(service, username, conv):
    handle = PamHandle()
    rc = libpam.pam_start(service.encode(), username.encode(), ctypes.byref(conv), ctypes.byref(handle))
    if rc != 0:
        raise OSError("pam_start failed")
    return handle


def console_login(username, conv):
    handle = _start("bastion-console", username, conv)
    try:
        return libpam.pam_authenticate(handle, 0) == 0  # expect: CWE-285 no pam_acct_mgmt
    finally:
        libpam.pam_end(handle, 0)


def console_login_v2(username, conv):
    handle = _start("bastion-console", username, conv)
    try:
        if libpam.pam_authenticate(handle, 0) != 0:  # safe: CWE-285 account checked below
            return False
        return libpam.pam_acct_mgmt(handle, 0) == 0
    finally:
        libpam.pam_end(handle, 0)
