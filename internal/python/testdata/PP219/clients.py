import requests
import httpx

session = requests.Session()


def fetch(url):
    return requests.get(url).json()  # want: PP219


def fetch_ok(url):
    return requests.get(url, timeout=5).json()  # safe


def post(url, data):
    return session.post(url, json=data)  # want: PP219


def post_ok(url, data):
    return session.post(url, json=data, timeout=(3, 10))  # safe


def headers_of(url):
    resp = requests.get(url, timeout=5)
    return resp.headers.get("Content-Type")  # safe: a dict lookup, not a request
