"""Consumes configuration updates pushed by the fleet manager."""
import json
import marshal
import socket

import dill
import jsonpickle
import yaml


def receive(sock):
    chunks = []
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def apply_yaml(sock):
    doc = yaml.unsafe_load(receive(sock))  # expect: CWE-502
    return doc


def apply_yaml_v2(sock):
    return yaml.safe_load(receive(sock))  # safe: CWE-502


def apply_code(sock):
    code = marshal.loads(receive(sock))  # expect: CWE-502
    return code


def apply_state(sock):
    return dill.loads(receive(sock))  # expect: CWE-502


def apply_object(sock):
    return jsonpickle.decode(receive(sock).decode())  # expect: CWE-502


def apply_object_v2(sock):
    return json.loads(receive(sock).decode())  # safe: CWE-502


def main():
    s = socket.create_connection(("fleet.internal", 7000))
    print(apply_yaml(s), apply_yaml_v2(s), apply_code(s), apply_state(s), apply_object(s), apply_object_v2(s))


if __name__ == "__main__":
    main()
