"""Tiny Prometheus text exporter and syslog listener."""
import os
import socket
from http.server import BaseHTTPRequestHandler, HTTPServer

HOST = "0.0.0.0"
LOCAL = "127.0.0.1"


class MetricsHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"app_up 1\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.end_headers()
        self.wfile.write(body)


def serve():
    HTTPServer((HOST, 9100), MetricsHandler).serve_forever()  # expect: CWE-605


def serve_local():
    HTTPServer((LOCAL, 9100), MetricsHandler).serve_forever()  # safe: CWE-605 loopback


def serve_configured():
    HTTPServer((os.environ.get("METRICS_ADDR", "127.0.0.1"), 9100), MetricsHandler).serve_forever()  # safe: CWE-605 configured address


def syslog_listener():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", 5140))  # expect: CWE-605
    while True:
        data, _ = sock.recvfrom(8192)
        print(data.decode("utf-8", "replace").rstrip())


if __name__ == "__main__":
    serve_local()
