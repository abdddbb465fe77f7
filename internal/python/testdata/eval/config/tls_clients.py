"""HTTP and socket clients for partner integrations."""
import ssl
import urllib.request

import httpx
import requests

CA_BUNDLE = "/etc/ssl/partner-ca.pem"


def fetch_rates():
    return requests.get("https://rates.partner.example/v1/latest", verify=False, timeout=10).json()  # expect: CWE-295


def fetch_rates_v2():
    return requests.get("https://rates.partner.example/v1/latest", verify=CA_BUNDLE, timeout=10).json()  # safe: CWE-295 custom CA


def fetch_rates_v3():
    return requests.get("https://rates.partner.example/v1/latest", verify=True, timeout=10).json()  # safe: CWE-295


def partner_session():
    s = requests.Session()
    s.verify = False  # expect: CWE-295
    return s


def partner_client():
    return httpx.Client(base_url="https://api.partner.example", verify=False)  # expect: CWE-295


def partner_client_v2():
    return httpx.Client(base_url="https://api.partner.example", verify=ssl.create_default_context(cafile=CA_BUNDLE))  # safe: CWE-295


def legacy_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: CWE-295
    ctx.verify_mode = ssl.CERT_NONE  # expect: CWE-295
    return ctx


def unverified_context():
    return ssl._create_unverified_context()  # expect: CWE-295


def old_protocol_context():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: CWE-295


def modern_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # safe: CWE-295
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: CWE-295
    ctx.load_verify_locations(CA_BUNDLE)
    return ctx


def fetch_with_urllib():
    ctx = ssl.create_default_context()
    with urllib.request.urlopen("https://rates.partner.example" + "/v1/" + "latest", context=ctx) as resp:  # safe: CWE-295, CWE-918
        return resp.read()

