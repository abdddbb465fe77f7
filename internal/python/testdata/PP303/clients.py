import ssl
import urllib.request

import httpx
import requests
import urllib3
from requests import Session


def fetch_status(url):
    return requests.get(url, verify=False, timeout=5)  # want: PP303


def fetch_status_ca(url):
    return requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=5)  # safe look-alike: CA bundle


def fetch_status_default(url):
    return requests.get(url, verify=True, timeout=5)  # safe look-alike


def post_event(url, payload):
    resp = requests.post(  # want: PP303
        url,
        json=payload,
        verify=False,
    )  # the finding is on the call's first line
    return resp


def client():
    return httpx.Client(base_url="https://api.internal", verify=False)  # want: PP303


async def async_client():
    async with httpx.AsyncClient(verify=False) as c:  # want: PP303
        return await c.get("https://api.internal/health")


def session_wide():
    s = Session()
    s.verify = False  # want: PP303
    return s


def session_wide_bundle():
    s = Session()
    s.verify = "/etc/ssl/certs/ca.pem"  # safe look-alike
    return s


def raw_ssl(host):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # want: PP303
    ctx.verify_mode = ssl.CERT_NONE  # want: PP303
    return ctx.wrap_socket(__import__("socket").create_connection((host, 443)), server_hostname=host)


def raw_ssl_strict():
    ctx = ssl.create_default_context()
    ctx.check_hostname = True  # safe look-alike
    ctx.verify_mode = ssl.CERT_REQUIRED  # safe look-alike
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: TLS 1.2
    return ctx


def legacy_ctx():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # want: PP303
    ctx.minimum_version = ssl.TLSVersion.TLSv1_1  # want: PP303
    return ctx


def unverified(url):
    ctx = ssl._create_unverified_context()  # want: PP303
    return urllib.request.urlopen(url, context=ctx)


def pool():
    return urllib3.PoolManager(cert_reqs="CERT_NONE")  # want: PP303


def pool_required():
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED")  # safe look-alike


def not_http(validator, doc):
    return validator.check(doc, verify=False)  # safe: not an HTTP client


def search_cluster(hosts):
    from elasticsearch import Elasticsearch

    return Elasticsearch(hosts, verify_certs=False)  # want: PP303


def search_cluster_ca(hosts):
    from elasticsearch import Elasticsearch

    return Elasticsearch(hosts, verify_certs=True, ca_certs="/etc/ssl/es-ca.pem")  # safe look-alike


def gitlab_client(url, token):
    import gitlab

    return gitlab.Gitlab(url, private_token=token, ssl_verify=False)  # want: PP303
