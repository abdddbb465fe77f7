"""Listeners for health checks and local tooling."""
import os
import socket
from http.server import HTTPServer, SimpleHTTPRequestHandler

from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

ANY_V6 = "::"


def health_listener(port=9100):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("0.0.0.0", port))  # expect: CWE-605
    s.listen()
    return s


def admin_listener():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 9101))  # safe: CWE-605 loopback
    s.listen()
    return s


def v6_listener(port):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.bind((ANY_V6, port))  # expect: CWE-605 through a module constant
    s.listen()
    return s


def static_server():
    return HTTPServer(("", 8000), SimpleHTTPRequestHandler)  # expect: CWE-605 empty host


def configured_server():
    host = os.environ.get("BIND_HOST", "127.0.0.1")
    return HTTPServer((host, 8000), SimpleHTTPRequestHandler)  # safe: CWE-605 configured, loopback by default


def dev_server(app):
    run_simple("localhost", 5000, app, use_debugger=True, use_reloader=True)  # expect: CWE-489


def wrapped(app):
    return DebuggedApplication(app, evalex=True)  # expect: CWE-489


def serve(app):
    run_simple(os.environ.get("BIND_HOST", "127.0.0.1"), 8080, app, use_debugger=False)  # safe: CWE-489, CWE-605 debugger off, loopback by default
