import http.server
import os
import socket
import socketserver
from http.server import HTTPServer, SimpleHTTPRequestHandler

import uvicorn
from flask import Flask
from werkzeug.serving import run_simple

app = Flask(__name__)
PUBLIC = "0.0.0.0"
LOCAL = "127.0.0.1"


def serve_flask():
    app.run(host="0.0.0.0", port=8000)  # want: PP502


def serve_flask_local():
    app.run(host="127.0.0.1", port=8000)  # safe look-alike


def serve_flask_env():
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=8000)  # safe look-alike: configured


def serve_uvicorn():
    uvicorn.run("main:app", host=PUBLIC, port=8080)  # want: PP502


def serve_uvicorn_local():
    uvicorn.run("main:app", host=LOCAL, port=8080)  # safe look-alike


def raw_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("", 9000))  # want: PP502
    s.listen()
    return s


def raw_socket_v6():
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.bind(("::", 9000))  # want: PP502
    return s


def raw_socket_local():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("localhost", 9000))  # safe look-alike
    return s


def stdlib_http():
    httpd = HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler)  # want: PP502
    httpd.serve_forever()


def stdlib_http_local():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 8000), SimpleHTTPRequestHandler)  # safe look-alike
    httpd.serve_forever()


def tcp():
    addr = ("0.0.0.0", 7000)
    with socketserver.TCPServer(addr, None) as srv:  # want: PP502
        srv.serve_forever()


def werkzeug_dev():
    run_simple("0.0.0.0", 5000, app)  # want: PP502


def aiohttp_app(web, application):
    web.run_app(application, host="0.0.0.0", port=8081)  # want: PP502


def aiohttp_app_local(web, application):
    web.run_app(application, host="localhost", port=8081)  # safe look-alike


def compare_only(host):
    return host == "0.0.0.0"  # safe: not a bind
