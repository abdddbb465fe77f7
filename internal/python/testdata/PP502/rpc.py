import asyncio
import socketserver
from concurrent import futures

import grpc
import zmq


def serve_grpc():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    server.add_insecure_port("[::]:50051")  # want: PP502
    server.start()


def serve_grpc_local():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    server.add_insecure_port("localhost:50051")  # safe look-alike
    server.start()


async def serve_asyncio(handler):
    srv = await asyncio.start_server(handler, "0.0.0.0", 8888)  # want: PP502
    async with srv:
        await srv.serve_forever()


async def serve_asyncio_local(handler):
    srv = await asyncio.start_server(handler, "127.0.0.1", 8888)  # safe look-alike
    async with srv:
        await srv.serve_forever()


def serve_tcp(handler):
    with socketserver.ThreadingTCPServer(("", 9999), handler) as srv:  # want: PP502
        srv.serve_forever()


def publisher():
    ctx = zmq.Context()
    sock = ctx.socket(zmq.PUB)
    sock.bind("tcp://*:5556")  # want: PP502
    return sock


def publisher_local():
    ctx = zmq.Context()
    sock = ctx.socket(zmq.PUB)
    sock.bind("tcp://127.0.0.1:5556")  # safe look-alike
    return sock
