"""Tiny status server built on http.server for the build farm."""
import html
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse


class StatusHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        build = query.get("build", [""])[0]
        trace = self.headers.get("X-Trace-Id", "")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("X-Trace-Id", trace)  # expect: CWE-113
        self.send_header("X-Build", build.replace("\r", "").replace("\n", ""))  # safe: CWE-113 CR/LF removed
        self.end_headers()
        self.wfile.write(f"<p>build {build}</p>".encode())  # expect: CWE-79
        self.wfile.write(f"<p>build {html.escape(build)}</p>".encode())  # safe: CWE-79 escaped

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode()
        self.send_response(303)
        self.send_header("X-Last-Build", body)  # expect: CWE-113
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8008), StatusHandler).serve_forever()  # safe: CWE-605
