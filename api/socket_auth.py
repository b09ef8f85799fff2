"""A WebSocket's token is checked on every operation and while it idles, not only at connect.

A socket outlives the moment its token was checked in connection_init: without this, a revoked
or expired token, or a user since deactivated or given a lesser role, would keep answering
queries, running mutations and streaming subscriptions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, cast

from graphql import GraphQLError, GraphQLSyntaxError
from starlette.websockets import WebSocketDisconnect
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ErrorMessage,
    Message,
    SubscribeMessage,
)

from api.auth import reauthenticate
from api.change_news import Watch, token_subjects
from api.context import Context
from api.permissions import narrowed

REFUSED_CODE = 4403  # the close code a socket without a valid token gets at connect, too
ACK_WAIT_SECONDS = 0.1  # how often a socket not yet acknowledged is looked at (no statement)
REFUSED_REASON = (
    "Forbidden: the token is revoked or expired, or its user is inactive or lost rights"
)

logger = logging.getLogger(__name__)


class TokenCheckingTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws, with the token re-checked before each operation and each result."""

    refused: bool = False
    # The doorbell for news about the token and its user, and how many rings it had when the
    # token was last found good: while no news came since, the token is still good.
    access: Watch | None = None
    verified_at: int | None = None

    async def handle(self) -> None:
        """Run the protocol with a watchdog that closes the socket once the token lapses."""
        watchdog = asyncio.create_task(self._watch_token())
        try:
            await super().handle()
        finally:
            watchdog.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watchdog

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        """A query, mutation or subscription runs only while the token is still good."""
        if self.connection_acknowledged and not await self._token_still_good():
            return
        await super().handle_subscribe(message)

    async def send_message(self, message: Message) -> None:
        """Nothing leaves a refused socket, and no result leaves before a fresh check."""
        if self.refused:
            return
        if message["type"] == "next" and not (
            self._token_known_good() or await self._token_still_good()
        ):
            return
        if message["type"] == "error":
            message = cast(
                ErrorMessage,
                {**message, "payload": [_with_code(dict(e)) for e in message["payload"]]},
            )
        await super().send_message(message)

    @staticmethod
    def _get_pre_execution_close_reason(error: GraphQLError) -> str | None:
        """A document that does not parse gets an error message with its code, as one that
        does not validate does, instead of closing the socket: the other operations on it (a
        screen's one subscription) go on."""
        if isinstance(error, GraphQLSyntaxError):
            return None
        return BaseGraphQLTransportWSHandler._get_pre_execution_close_reason(error)

    def _token_known_good(self) -> bool:
        """Good at the last check, not expired since, and PostgreSQL announced no change to it."""
        token = self.context.token
        return (
            token is not None
            and self.access is not None
            and self.verified_at is not None
            and self.access.quiet_since(self.verified_at)
            and not token.is_expired(self.context.clock.now())
        )

    async def _token_still_good(self) -> bool:
        """Reload the token (one query by key); close the socket with 4403 when it lapsed or its
        user lost sight (another role, scope or office) since the last check."""
        token = self.context.token
        rings = self.access.rings if self.access is not None else None
        fresh = None
        if token is not None:
            fresh, _ = await reauthenticate(token, now=self.context.clock.now())
        if fresh is None or (token is not None and narrowed(token, fresh)):
            # A demoted user's socket ends as a revoked one: what it streams was granted to
            # the role it had, and every open subscription would otherwise keep it.
            await self._refuse()
            return False
        self.context.token = fresh  # role and activity as they are now, as over HTTP
        if rings is not None:  # a check begun before the doorbell hung proves nothing after it
            self.verified_at = rings
        return True

    async def _refuse(self) -> None:
        if self.refused:
            return
        self.refused = True
        # The client may have gone already; then there is nobody left to tell.
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await self.websocket.close(code=REFUSED_CODE, reason=REFUSED_REASON)

    async def _watch_token(self) -> None:
        """Re-check an acknowledged socket's token when PostgreSQL says it or its user changed,
        when it expires, and every few seconds while no such news arrives (SQLite, polling)."""
        interval = self.context.settings.token_recheck_seconds
        while not self.connection_acknowledged or self.context.token is None:
            await asyncio.sleep(min(interval, ACK_WAIT_SECONDS))
        token = self.context.token
        with self.context.news.watch(*token_subjects(token.pk, token.user_id)) as news:
            self.access = news
            try:
                await self._recheck_on_news(news, interval)
            finally:
                self.access = None  # nobody rings it any more: every message checks again

    async def _recheck_on_news(self, news: Watch, interval: float) -> None:
        while not self.refused:
            try:
                # The first check closes the gap between connection_init and the doorbell.
                if not await self._token_still_good():
                    return
            except Exception:  # a database hiccup: try again at the next interval
                logger.exception("Could not re-check a WebSocket's token")
                await asyncio.sleep(interval)
                continue
            expires_at = self.context.token.expires_at if self.context.token else None
            await news.next_change(
                within=None
                if expires_at is None
                else (expires_at - self.context.clock.now()).total_seconds(),
                poll_every=interval,
            )


def _with_code(error: dict[str, Any]) -> dict[str, Any]:
    """Every error a socket sends names its code; the library's own limit error names none."""
    extensions = error.get("extensions") or {}
    if "code" in extensions:
        return error
    code = "TOO_MANY_SUBSCRIPTIONS" if "limit" in str(error.get("message", "")) else "BAD_REQUEST"
    return {**error, "extensions": {**extensions, "code": code}}
