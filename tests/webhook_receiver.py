"""A partner's webhook receiver on loopback, for the tests: a real HTTP server in a thread that
answers as the test plans (a status, or hanging until released) and keeps what it got."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = 0  # a planned answer that never comes, until the test releases it


@dataclass
class Received:
    """One request as the receiver got it."""

    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """The receiver's plan and its log; `url` is where it listens."""

    url: str = ""
    plan: list[int] = field(default_factory=list)
    default: int = 200
    received: list[Received] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def answer(self) -> int:
        return self.plan.pop(0) if self.plan else self.default

    def ids(self) -> list[str]:
        return [request.headers["webhook-id"] for request in self.received]


@contextlib.contextmanager
def webhook_receiver() -> Iterator[Receiver]:
    """Listen on a free loopback port for the duration of the block."""
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            receiver.received.append(
                Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            status = receiver.answer()
            if status == HANG:
                receiver.released.wait(60)
                return
            answer = f"answered {status}".encode()
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("location", receiver.url + "/elsewhere")
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.released.set()
        server.shutdown()
        server.server_close()
