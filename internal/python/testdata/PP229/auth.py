import ctypes
import ctypes.util

libpam = ctypes.CDLL(ctypes.util.find_library("pam"))


def login(handle):
    if libpam.pam_authenticate(handle, 0) == 0:  # want: PP229
        return True
    return False


def login_checked(handle):
    if libpam.pam_authenticate(handle, 0) == 0 and libpam.pam_acct_mgmt(handle, 0) == 0:  # safe
        return True
    return False
