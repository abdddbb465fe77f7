"""Receives metric batches from agents over TCP."""
import json
import pickle
import socket
import socketserver
import struct


class PickleBatchHandler(socketserver.StreamRequestHandler):
    def handle(self):
        size = struct.unpack(">I", self.rfile.read(4))[0]
        payload = self.rfile.read(size)
        batch = pickle.loads(payload)  # expect: CWE-502 pickle from the network
        self.server.sink.extend(batch)


class JsonBatchHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.server.sink.extend(json.loads(line))  # safe: CWE-502 JSON


def serve_pickle():
    with socketserver.ThreadingTCPServer(("", 2004), PickleBatchHandler) as srv:  # expect: CWE-605 empty host binds every interface
        srv.sink = []
        srv.serve_forever()


def serve_json():
    with socketserver.ThreadingTCPServer(("127.0.0.1", 2005), JsonBatchHandler) as srv:  # safe: CWE-605 loopback
        srv.sink = []
        srv.serve_forever()


def health_socket():
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    sock.bind(("::", 9100))  # expect: CWE-605
    sock.listen(5)
    return sock
