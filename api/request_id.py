"""Every HTTP request and WebSocket gets an id: in its log lines and in the X-Request-ID header."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from overdracht.logs import REQUEST_ID, request_id_from

HEADER = b"x-request-id"
access = logging.getLogger("overdracht.access")


class RequestId:
    """Takes the client's X-Request-ID (or makes one) and hands it back in the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(HEADER)
        request_id = request_id_from(given.decode("latin-1") if given else None)
        token = REQUEST_ID.set(request_id)

        status = 0
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (HEADER, request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            # One line per request, under its id (the server's own access log has no id).
            access.info(
                "%s %s %s %.1f ms",
                scope.get("method", "WEBSOCKET"),
                scope.get("path", ""),
                status or "-",
                (time.perf_counter() - started) * 1000,
            )
            REQUEST_ID.reset(token)
