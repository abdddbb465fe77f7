"""HTTP helpers."""
import requests

METRICS_API = "https://metrics.internal/api"


def fetch_json(url):
    return requests.get(url, timeout=10).json()  # expect: CWE-918


def metric(name):
    return requests.get(METRICS_API + "/series", params={"name": name}, timeout=10).json()  # safe: CWE-918 constant host, value as a query parameter
