"""Authenticate an HTTP request only once its document passed validation and the cost limit.

A document that is refused (malformed, too deep, too costly) is answered without a single
SQL statement, so such requests cannot be used to load the database.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from api.auth import authenticate
from overdracht.db_faults import retrying

logger = logging.getLogger(__name__)

UNAVAILABLE = "The service could not check your token just now; try again in a moment."


class AuthenticateOperation(SchemaExtension):
    """Looks up the token of a request whose authentication the view left for later."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if getattr(context, "pending_authentication", False):
            context.pending_authentication = False
            try:
                context.token, context.auth_problem = await retrying(
                    lambda: authenticate(context.request, now=context.clock.now()),
                    what="token lookup",
                )
            except Exception as error:  # the database is unreachable: say so, reveal nothing
                logger.exception("Could not look up a request's token")
                raise GraphQLError(
                    UNAVAILABLE, extensions={"code": "SERVICE_UNAVAILABLE"}
                ) from error
        yield
