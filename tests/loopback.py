"""A raw loopback TCP server for the fetching tests: it reads a request head, then hands the
connection to a handler that may misbehave (drip bytes, cut a body, lie in a status line).
Shared by tests/test_fetching.py, test_rules_fetching.py and test_faults.py; the tests' only
network is such servers on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Handler = Callable[[socket.socket, bytes], None]  # (connection, request head)

OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
CLIENT_TIMEOUT = 5  # seconds a connection may wait for its request head


@contextmanager
def raw_server(handler: Handler, host: str = "127.0.0.1") -> Iterator[tuple[int, list[bytes]]]:
    """A loopback TCP server calling `handler` per connection (after reading the request
    head); yields (port, request heads). Stopping it wakes its accept with a connection of
    our own, so a test never waits for an accept timeout."""
    listener = socket.create_server((host, 0))
    requests: list[bytes] = []
    stop = threading.Event()

    def serve_one(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(CLIENT_TIMEOUT)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    part = conn.recv(4096)
                    if not part:
                        return
                    head += part
                requests.append(head)
                handler(conn, head)
            except OSError:
                pass  # the client went away: what a hostile server expects

    def accept_loop() -> None:
        while True:
            conn, _ = listener.accept()
            if stop.is_set():
                conn.close()
                return
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], requests
    finally:
        stop.set()
        socket.create_connection(listener.getsockname()[:2], timeout=5).close()
        thread.join(5)
        listener.close()


def respond(data: bytes) -> Handler:
    """Send `data` whatever was asked."""

    def handler(conn: socket.socket, head: bytes) -> None:
        conn.sendall(data)

    return handler


def drip(prefix: bytes, rest: bytes, every: float = 0.2) -> Handler:
    """Send `prefix` at once, then `rest` one byte every `every` seconds."""

    def handler(conn: socket.socket, head: bytes) -> None:
        conn.sendall(prefix)
        for i in range(len(rest)):
            time.sleep(every)
            conn.sendall(rest[i : i + 1])

    return handler
