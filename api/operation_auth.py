"""Authenticate an HTTP request only once its document passed validation and the cost limit.

A document that is refused (malformed, too deep, too costly) is answered without a single
SQL statement, so such requests cannot be used to load the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from api.auth import authenticate


class AuthenticateOperation(SchemaExtension):
    """Looks up the token of a request whose authentication the view left for later."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if getattr(context, "pending_authentication", False):
            context.pending_authentication = False
            context.token, context.auth_problem = await authenticate(context.request)
        yield
