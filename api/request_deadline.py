"""The time limit of one GraphQL request over HTTP, kept by a Strawberry extension."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from graphql import GraphQLError
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension

from api.context import Context

REQUEST_TIMEOUT = "REQUEST_TIMEOUT"


class RequestDeadline(SchemaExtension):
    """Stops an HTTP operation still running at OVERDRACHT_REQUEST_TIMEOUT_SECONDS.

    The deadline lives on the request's context, so a read the view runs again after a
    database fault shares the first attempt's instead of starting a new one. Operations over
    the WebSocket (subscriptions above all) run as long as their socket does. Listed last, so
    its hook is the first to leave and every other extension sees the REQUEST_TIMEOUT error
    rather than the cancellation that carried it.
    """

    def __init__(self, *, seconds: float) -> None:
        self.seconds = seconds

    async def on_operation(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if not isinstance(context, Context) or isinstance(context.request, WebSocket):
            yield
            return
        if context.deadline is None:
            context.deadline = asyncio.get_running_loop().time() + self.seconds
        try:
            async with asyncio.timeout_at(context.deadline):
                yield
        except TimeoutError:
            raise GraphQLError(
                f"This request ran longer than {self.seconds:g} seconds and was stopped: ask "
                "for less at once, or try again later.",
                extensions={"code": REQUEST_TIMEOUT, "seconds": self.seconds},
            ) from None
