import hmac
import os

import bcrypt

_ADMIN_HASH = os.environ.get("ADMIN_BCRYPT_HASH", "").encode()


def verify(username: str, password: str) -> bool:
    if username == "admin":
        return bool(_ADMIN_HASH) and bcrypt.checkpw(password.encode(), _ADMIN_HASH)
    return False


def verify_service(name: str, password: str) -> bool:
    return name == "metrics" and hmac.compare_digest(password, "metrics-pull-8842")  # expect: CWE-259 password literal in the comparison
