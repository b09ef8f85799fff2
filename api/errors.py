"""Errors that clients may read; every other exception is masked as an unexpected error."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graphql import GraphQLError


class PublicError(Exception):
    """An error whose message and code are safe and useful to show to the caller."""

    code = "BAD_REQUEST"

    def __init__(
        self, message: str, *, code: str | None = None, retry_at: datetime | None = None
    ) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.retry_at = retry_at  # for a refusal of too many tries: when trying again is allowed

    @property
    def extensions(self) -> dict[str, Any]:
        if self.retry_at is None:
            return {"code": self.code}
        return {"code": self.code, "retryAt": self.retry_at.isoformat()}


class AuthenticationError(PublicError):
    """No valid token came with the request."""

    code = "UNAUTHENTICATED"


class ForbiddenError(PublicError):
    """The caller is known but may not do this."""

    code = "FORBIDDEN"


class BadInputError(PublicError):
    """A malformed argument, such as a page size beyond the cap or an unreadable ID."""

    code = "BAD_USER_INPUT"


def should_mask_error(error: GraphQLError) -> bool:
    """Mask everything but the project's own public errors and GraphQL's own validation errors."""
    original = error.original_error
    if original is None:
        return False
    if isinstance(original, GraphQLError):
        return should_mask_error(original)
    return not isinstance(original, PublicError)


UNAVAILABLE_MESSAGE = (
    "The service cannot reach its database just now. Try again in a moment; a mutation is "
    "safe to send again with the same Idempotency-Key header."
)


def unavailable_error(error: GraphQLError | None = None) -> GraphQLError:
    """The answer to a request the database failed under: retryable, revealing nothing."""
    return GraphQLError(
        UNAVAILABLE_MESSAGE,
        nodes=error.nodes if error else None,
        source=error.source if error else None,
        positions=error.positions if error else None,
        path=error.path if error else None,
        extensions={"code": "SERVICE_UNAVAILABLE"},
    )


def is_unavailable(error: GraphQLError) -> bool:
    """Whether an error in a result is the database's, so the request may be answered 503."""
    return (error.extensions or {}).get("code") == "SERVICE_UNAVAILABLE"
