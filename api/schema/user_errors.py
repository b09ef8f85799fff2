"""Typed business refusals returned in every mutation payload."""

from __future__ import annotations

from enum import StrEnum

import strawberry


@strawberry.enum(name="UserErrorCode")
class UserErrorCode(StrEnum):
    """Why a mutation refused; clients branch on this, never on the message."""

    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"


@strawberry.type
class UserError:
    """One refusal: what went wrong, where in the input, and a sentence for people."""

    code: UserErrorCode
    field: list[str] | None
    message: str


def user_error(code: UserErrorCode, message: str, *path: str | int) -> UserError:
    """Build a user error pointing at a path in the mutation's input."""
    return UserError(code=code, field=["input", *map(str, path)] if path else None, message=message)
