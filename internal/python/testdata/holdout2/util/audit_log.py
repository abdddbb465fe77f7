"""Helpers that record account events."""
import json
import logging
import os

log = logging.getLogger("audit")


def record_login(user, api_token, ip):
    log.info("login user=%s ip=%s", user.username, ip)  # safe: CWE-532 no secret logged
    log.debug("issued api token %s for %s", api_token, user.username)  # expect: CWE-532 bearer token in debug logs
    log.debug("issued api token ending %s for %s", api_token[-4:], user.username)  # safe: CWE-532 last four characters only


def record_signup(email, password):
    print(f"signup {email} password={password}")  # expect: CWE-532 password printed to stdout logs


def record_key_rotation(key_id, secret_key):
    log.info("rotated key %s (%d bytes)", key_id, len(secret_key))  # safe: CWE-532 only the length


def export_credentials(path, username, password):
    with open(path, "w") as fh:
        fh.write(f"{username}:{password}\n")  # expect: CWE-312 password written to a plain file
    os.chmod(path, 0o600)


def export_credentials_v2(path, username, password_hash):
    with open(path, "w") as fh:
        fh.write(json.dumps({"user": username, "scrypt": password_hash}))  # safe: CWE-312 only a hash is stored
    os.chmod(path, 0o600)
