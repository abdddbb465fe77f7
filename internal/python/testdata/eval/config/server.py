"""Socket listeners of the metrics agent."""
import os
import socket
import socketserver

HOST = "127.0.0.1"


def listen_public(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("0.0.0.0", port))  # expect: CWE-605
    s.listen()
    return s


def listen_any(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("", port))  # expect: CWE-605
    return s


def listen_local(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((HOST, port))  # safe: CWE-605 loopback
    s.listen()
    return s


def listen_v6(port):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.bind(("::", port))  # expect: CWE-605
    return s


def listen_unix():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(os.path.join("/run/agent", "agent.sock"))  # safe: CWE-605 unix socket
    return s


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(self.request.recv(1024))


def serve():
    with socketserver.TCPServer(("localhost", 9100), EchoHandler) as srv:  # safe: CWE-605
        srv.serve_forever()
