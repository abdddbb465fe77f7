"""Job runner that accepts work items from the LAN over TCP."""
import json
import logging
import pickle
import socket
import subprocess

log = logging.getLogger("runner")


def handle(conn):
    raw = conn.recv(65536)
    job = pickle.loads(raw)  # expect: CWE-502
    conn.sendall(b"ok" if job else b"empty")


def handle_json(conn):
    raw = conn.recv(65536)
    job = json.loads(raw)  # safe: CWE-502
    kind = job.get("kind", "")
    log.info("job received: " + kind)  # expect: CWE-117
    if kind == "resize":
        subprocess.run(["convert", job["src"], "-resize", "50%", job["dst"]], check=True)  # safe: CWE-78 argv list
    elif kind == "shell":
        subprocess.run(job["cmd"], shell=True, check=True)  # expect: CWE-78
    conn.sendall(b"done")


def handle_named(conn):
    name = conn.recv(256).decode().strip()
    with open("/srv/jobs/" + name) as fh:  # expect: CWE-22
        conn.sendall(fh.read().encode())


def serve(port):
    with socket.create_server(("127.0.0.1", port)) as srv:  # safe: CWE-605
        while True:
            conn, _ = srv.accept()
            with conn:
                handle_json(conn)
