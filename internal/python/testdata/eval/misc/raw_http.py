"""Health responder for the load balancer, written against raw sockets."""
import socket


def respond(conn):
    request_line = conn.recv(1024).decode(errors="replace").split("\r\n")[0]
    path = request_line.split(" ")[1] if " " in request_line else "/"
    conn.sendall(f"HTTP/1.1 200 OK\r\nX-Path: {path}\r\nContent-Length: 2\r\n\r\nok".encode())  # expect: CWE-113
    conn.close()


def respond_fixed(conn):
    conn.recv(1024)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")  # safe: CWE-113 constant
    conn.close()


def serve():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 8099))  # safe: CWE-605
    srv.listen()
    while True:
        conn, _ = srv.accept()
        respond(conn)
