"""Legacy line-protocol status server used by the warehouse scanners."""
import logging
import socketserver
import sqlite3
import subprocess

log = logging.getLogger("line_server")
DB = "/var/lib/scanner/scans.db"


class ScanHandler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().decode("utf-8", "replace").strip()
        verb, _, arg = line.partition(" ")
        log.info("scanner %s sent %s", self.client_address[0], line)  # expect: CWE-117 raw socket text in the log
        if verb == "LOOKUP":
            with sqlite3.connect(DB) as conn:
                row = conn.execute("SELECT location FROM scans WHERE barcode = '" + arg + "'").fetchone()  # expect: CWE-89 socket data concatenated
            self.wfile.write((row[0] if row else "NONE").encode() + b"\n")
        elif verb == "SCAN":
            with sqlite3.connect(DB) as conn:
                conn.execute("INSERT INTO scans (barcode, location) VALUES (?, ?)", tuple(arg.split(",", 1)))  # safe: CWE-89 placeholders
            self.wfile.write(b"OK\n")
        elif verb == "PRINT":
            subprocess.run("lp -d warehouse-label " + arg, shell=True, timeout=20)  # expect: CWE-78 socket data in a shell command
            self.wfile.write(b"QUEUED\n")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True


if __name__ == "__main__":
    with Server(("0.0.0.0", 7070), ScanHandler) as srv:  # expect: CWE-605 all interfaces
        srv.serve_forever()
