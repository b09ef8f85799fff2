"""A cap on what one HTTP request may send, enforced while it arrives, before any route runs.

The body is counted as it is received, so a client that leaves out Content-Length (chunked) or
sends more than it declared is stopped at the limit as well, holding at most the limit and one
chunk in memory. The query string of a GET request is held to the same limit.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestSizeLimit:
    """ASGI middleware: 413 for a body above `max_bytes`, 414 for a query string above it."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_bytes:
            await self._refuse(send, 414, "URI_TOO_LONG", "The query string")
            return
        if self._declared_length(scope) > self.max_bytes:
            await self._refuse(send, 413, "REQUEST_TOO_LARGE", "The request body")
            return
        body: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before its body was complete
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send, 413, "REQUEST_TOO_LARGE", "The request body")
                return
            body.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(body), receive), send)

    @staticmethod
    def _declared_length(scope: Scope) -> int:
        """The Content-Length a client announced, 0 when it announced none."""
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit():
                return int(value)
        return 0

    async def _refuse(self, send: Send, status: int, code: str, what: str) -> None:
        """A JSON error in GraphQL's shape; the server discards the rest of the body unread."""
        body = json.dumps(
            {
                "errors": [
                    {
                        "message": f"{what} is larger than the limit of {self.max_bytes:,} "
                        "bytes: send less at once.",
                        "extensions": {"code": code, "limit": self.max_bytes},
                    }
                ]
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that hands the app the body already read, then whatever the client sends."""
    delivered = False

    async def replayed() -> Message:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
