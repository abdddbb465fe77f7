"""statsd-style agent: appends each metric line to a spool file named after the metric."""
import os
import re
import socketserver

SPOOL = "/var/spool/metrics"
METRIC_NAME = re.compile(r"[a-z0-9_.]{1,64}")


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request[0].decode("utf-8", "replace").strip()
        metric, _, value = data.partition(":")
        with open(os.path.join(SPOOL, metric + ".log"), "a") as fh:  # expect: CWE-22
            fh.write(value + "\n")


class CheckedHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request[0].decode("utf-8", "replace").strip()
        metric, _, value = data.partition(":")
        if not METRIC_NAME.fullmatch(metric):
            return
        with open(os.path.join(SPOOL, metric + ".log"), "a") as fh:  # safe: CWE-22 validated by fullmatch, no slash possible
            fh.write(value + "\n")


if __name__ == "__main__":
    server = socketserver.UDPServer(("0.0.0.0", 8125), Handler)  # expect: CWE-605
    local = socketserver.UDPServer(("127.0.0.1", 8126), CheckedHandler)  # safe: CWE-605 loopback
    server.serve_forever()
