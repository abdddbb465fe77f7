"""Talks to old network appliances that predate the TLS rollout."""
import http.client
import ssl
import telnetlib

import requests

CA_BUNDLE = "/etc/ssl/certs/appliance-ca.pem"


def push_config(host, config_text):
    tn = telnetlib.Telnet(host, 23, timeout=10)  # expect: CWE-319
    tn.write(config_text.encode("ascii") + b"\n")
    tn.close()


def fetch_status(host):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: CWE-295
    ctx.verify_mode = ssl.CERT_NONE  # expect: CWE-295
    conn = http.client.HTTPSConnection(host, 443, context=ctx, timeout=10)
    conn.request("GET", "/status")
    return conn.getresponse().read()


def fetch_status_v2(host):
    ctx = ssl.create_default_context(cafile=CA_BUNDLE)  # safe: CWE-295 private CA
    conn = http.client.HTTPSConnection(host, 443, context=ctx, timeout=10)
    conn.request("GET", "/status")
    return conn.getresponse().read()


def old_switch_context():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: CWE-295


def modern_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: CWE-295
    ctx.load_verify_locations(CA_BUNDLE)
    return ctx


def poll_appliance(url):
    return requests.get(url, verify=False, timeout=5).json()  # expect: CWE-295


def poll_appliance_v2(url):
    return requests.get(url, verify=CA_BUNDLE, timeout=5).json()  # safe: CWE-295 CA bundle
