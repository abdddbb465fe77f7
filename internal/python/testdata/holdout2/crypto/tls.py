import ssl
import urllib.request

import httpx
import requests

INTERNAL_CA = "/etc/pki/internal-ca.pem"


def internal_client() -> httpx.Client:
    return httpx.Client(verify=INTERNAL_CA, timeout=10)  # safe: CWE-295 private CA bundle


def metrics_client() -> httpx.Client:
    return httpx.Client(verify=False, timeout=10)  # expect: CWE-295 verification off


def strict_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: CWE-295 TLS 1.2 floor
    return ctx


def lenient_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: CWE-295 host name not checked
    ctx.verify_mode = ssl.CERT_NONE  # expect: CWE-295 certificate not checked
    return ctx


def old_appliance_context() -> ssl.SSLContext:
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: CWE-295 TLS 1.0


def fetch_status(url: str) -> bytes:
    with urllib.request.urlopen(url, context=ssl._create_unverified_context(), timeout=5) as r:  # expect: CWE-295 unverified context
        return r.read()


def fetch_health() -> int:
    return requests.get("https://health.internal.example.com/", verify=INTERNAL_CA, timeout=3).status_code  # safe: CWE-295 CA bundle
