"""Deploy helper with an embedded key (do not do this)."""
import os

from cryptography.hazmat.primitives import serialization

DEPLOY_KEY = """-----BEGIN RSA PRIVATE KEY-----  # want: PP108
MIIEpQIBAAKCAQEAPPatrol1qdXWPJx/d8ut8pdqsxRpvED5hJRaOvRTYZPNvS+I
4k9GvvK9JkmW378D/Cn511CFUBWkNhBm2bd2AG2+B2TFu2aWo+C7VLotddxg7qAC
PVsOnA66cKIFTmxrrjtjVmd4xI0zvy4Zr9moEHZhNX2xGqc/fQ7ZvqsP3CCT/nKE
BJMhw5k62rOjlqnFCraP/c0YsHh47lft6zNHIA33NbEI3p85cRbGIEV45gO+V/Rr
wlIM5dcJjWpwIqulpwIKak99neEC7C6JYMiznF6ytTBURaHyx49wQOmCb5k5pbS2
Sd6CRSH2D6oqM79+O36jKkv+0GhTnrU/D4J1/pmHdNZ1INU9z4mgYake/BSDv2iF
euS0HOkJ9C1hnsSSIIpeUxT0uRcm0EA6Gk8htj+wf0gZpc5RIpGuK0Q+Ye6Uamna
bfIoGCo16wEn4XR2ayVcLCrR9QCrfLmncsIGv44Lgs/grN8GoVxR7cI6M38cVn8h
-----END RSA PRIVATE KEY-----
"""

# Safe look-alikes.
PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAPPatrolB5PxV1VUbH+le
MDW3EkVvk1L5wJ0pg1aCWyJpeNs2Dfn54IFOm9kFxjAAZOhE/Ko5QVsm7PugCe9Z
rSyT40kjOIydSNhF4iFlmn+vlU0wpwwClwxFhwS7//WZsyGkLy1C+Ju9paHdEIVF
4lhCW8tA/6lDAo9Bs+Vo2k4zFa+9up28tbe4trVfOAiwWDb7BW+o6FofDPPL5iCx
KD6Ty0D16+wJWZrQ5oNbMq3c+N1oJPIoMnC6W3M6zuPjCr05AxdwlxVqCpOLACCb
-----END PUBLIC KEY-----
"""
ELIDED_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEpQIBAAKCAQEA...
-----END RSA PRIVATE KEY-----
"""


def load_key():
    with open(os.environ["DEPLOY_KEY_FILE"], "rb") as f:
        return serialization.load_pem_private_key(f.read(), password=None)


def is_pem_private_key(text: str) -> bool:
    return text.startswith("-----BEGIN RSA PRIVATE KEY-----") or "PRIVATE KEY-----" in text
