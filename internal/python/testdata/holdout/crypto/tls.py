"""TLS contexts for the internal clients and servers."""
import ssl
import urllib.request

INTERNAL_CA = "/etc/ssl/certs/internal-ca.pem"


def strict_context(cafile=INTERNAL_CA):
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: CWE-295 TLS 1.2 floor
    return ctx


def hardened(ctx):
    ctx.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1  # safe: CWE-295 turns the old protocols off
    return ctx


def lab_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: CWE-295
    ctx.verify_mode = ssl.CERT_NONE  # expect: CWE-295
    return ctx


def legacy_printer_context():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: CWE-295


def old_floor(ctx):
    ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: CWE-295
    return ctx


def fetch_unverified(url):
    return urllib.request.urlopen(url, context=ssl._create_unverified_context(), timeout=10).read()  # expect: CWE-295


def client_cert_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # safe: CWE-295 verifies by default
    ctx.load_cert_chain(cert, key)
    return ctx


def server_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.load_verify_locations(INTERNAL_CA)
    ctx.verify_mode = ssl.CERT_REQUIRED  # safe: CWE-295 requires client certificates
    return ctx
