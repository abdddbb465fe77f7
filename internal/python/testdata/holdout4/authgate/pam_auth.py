"""Shell-account login for the jump-host console, through libpam."""
from ctypes import CDLL, POINTER, Structure, byref, c_char_p, c_int, c_void_p
from ctypes.util import find_library

libpam = CDLL(find_library("pam"))


class PamHandle(Structure):
    _fields_ = [("handle", c_void_p)]


class PamConv(Structure):
    _fields_ = [("conv", c_void_p), ("appdata_ptr", c_void_p)]


pam_start = libpam.pam_start
pam_start.restype = c_int
pam_start.argtypes = [c_char_p, c_char_p, POINTER(PamConv), POINTER(PamHandle)]
pam_authenticate = libpam.pam_authenticate
pam_authenticate.restype = c_int
pam_acct_mgmt = libpam.pam_acct_mgmt
pam_acct_mgmt.restype = c_int
pam_end = libpam.pam_end


def _start(user, conv):
    handle = PamHandle()
    rc = pam_start(b"jumphost", user.encode(), byref(conv), byref(handle))
    return handle if rc == 0 else None


def console_login(user, conv):
    handle = _start(user, conv)
    if handle is None:
        return False
    rc = pam_authenticate(handle, 0)  # expect: CWE-285
    pam_end(handle, rc)
    return rc == 0


def console_login_v2(user, conv):
    handle = _start(user, conv)
    if handle is None:
        return False
    rc = pam_authenticate(handle, 0)  # safe: CWE-285 followed by pam_acct_mgmt
    if rc == 0:
        rc = pam_acct_mgmt(handle, 0)
    pam_end(handle, rc)
    return rc == 0


def sudo_check(user, conv):
    handle = _start(user, conv)
    if handle is None:
        return False
    try:
        ok = pam_authenticate(handle, 0) == 0 and pam_acct_mgmt(handle, 0) == 0  # safe: CWE-285 both checks
    finally:
        pam_end(handle, 0)
    return ok
