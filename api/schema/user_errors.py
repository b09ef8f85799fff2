"""Typed business refusals returned in every mutation payload."""

from __future__ import annotations

from datetime import datetime

import strawberry

from models.refusals import Refusal, RefusalCode
from models.terms import VERSION, is_current

# The domain's one enum of refusals is the schema's: a code is never mapped by its name.
UserErrorCode = RefusalCode
strawberry.enum(RefusalCode, name="UserErrorCode")


@strawberry.type
class UserError:
    """One refusal: what went wrong, where in the input, and a sentence for people."""

    code: RefusalCode
    field: list[str] | None
    message: str
    retry_at: datetime | None = strawberry.field(
        default=None,
        description="For a refusal of too many tries: the moment trying again is allowed.",
    )


def user_error(
    code: UserErrorCode, message: str, *path: str | int, retry_at: datetime | None = None
) -> UserError:
    """Build a user error pointing at a path in the mutation's input."""
    return UserError(
        code=code,
        field=["input", *map(str, path)] if path else None,
        message=message,
        retry_at=retry_at,
    )


def user_error_of(refusal: Refusal, *prefix: str | int) -> UserError:
    """A refusal of the domain in a mutation's payload, its path under `prefix` in the input."""
    return user_error(
        refusal.code, refusal.message, *prefix, *refusal.field, retry_at=refusal.retry_at
    )


def argument_error(
    code: UserErrorCode, message: str, *path: str, retry_at: datetime | None = None
) -> UserError:
    """A refusal a query answers in its result, pointing at one of its arguments (or at none)."""
    return UserError(code=code, field=list(path) or None, message=message, retry_at=retry_at)


def outdated_terms(version: str) -> UserError | None:
    """Offering and receiving accept the terms as they stand now, never a version a screen kept."""
    if is_current(version):
        return None
    return user_error(
        UserErrorCode.TERMS_OUTDATED,
        f"The terms have changed since they were shown (now version {VERSION}); show them "
        "again and accept the current version.",
        "termsVersion",
    )
