"""TLS contexts for upstream connections."""
import ssl

import aiohttp


def upstream_context(cafile=None):
    ctx = ssl.create_default_context(cafile=cafile)  # safe: CWE-295 verifying default context
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: CWE-295 TLS 1.2 floor
    return ctx


def legacy_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False  # expect: CWE-295
    ctx.verify_mode = ssl.CERT_NONE  # expect: CWE-295
    return ctx


def old_device_context():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: CWE-295 allows TLS 1.0
    return ctx


def metrics_connector():
    return aiohttp.TCPConnector(ssl=False)  # expect: CWE-295 aiohttp without verification


def pinned_connector(cafile):
    return aiohttp.TCPConnector(ssl=upstream_context(cafile))  # safe: CWE-295 verifying context
