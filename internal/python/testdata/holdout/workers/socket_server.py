"""Job intake over a framed TCP protocol from the build agents."""
import json
import logging
import marshal
import pickle
import socket
import struct
import threading

log = logging.getLogger("intake")
HOST, PORT = "127.0.0.1", 7070


def recv_exact(conn, size):
    buf = b""
    while len(buf) < size:
        chunk = conn.recv(size - len(buf))
        if not chunk:
            raise ConnectionError("peer closed the connection")
        buf += chunk
    return buf


def recv_frame(conn):
    (size,) = struct.unpack("!I", recv_exact(conn, 4))
    return recv_exact(conn, size)


def handle(conn, addr):
    with conn:
        frame = recv_frame(conn)
        kind, payload = frame[:1], frame[1:]
        if kind == b"P":
            job = pickle.loads(payload)  # expect: CWE-502
        elif kind == b"M":
            job = marshal.loads(payload)  # expect: CWE-502
        else:
            job = json.loads(payload)  # safe: CWE-502 JSON
        log.info("job %s from %s", job.get("name"), addr[0])  # expect: CWE-117
        log.info("job %s from %s", json.dumps(job.get("name")), addr[0])  # safe: CWE-117 json.dumps escapes line breaks
        if job.get("op") == "eval":
            result = eval(job["expr"])  # expect: CWE-94
        else:
            result = len(job.get("steps", []))
        conn.sendall(json.dumps({"result": str(result)}).encode())


def serve():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((HOST, PORT))  # safe: CWE-605 loopback
    srv.listen()
    while True:
        conn, addr = srv.accept()
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


if __name__ == "__main__":
    serve()
