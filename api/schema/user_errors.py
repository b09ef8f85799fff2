"""Typed business refusals returned in every mutation payload."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from models import User
from models.terms import VERSION, is_current


@strawberry.enum(name="UserErrorCode")
class UserErrorCode(StrEnum):
    """Why something was refused (a mutation, the code's preview, an ability); branch on it."""

    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    TOO_MANY = "TOO_MANY"
    DUPLICATE_IN_INPUT = "DUPLICATE_IN_INPUT"
    NOT_MIGRATABLE = "NOT_MIGRATABLE"
    MIXED_PACKAGES = "MIXED_PACKAGES"
    HAS_AUTHORIZERS = "HAS_AUTHORIZERS"
    HAS_ACTIVE_WORKFLOW = "HAS_ACTIVE_WORKFLOW"
    HAS_PENDING_DOCUMENTS = "HAS_PENDING_DOCUMENTS"
    HAS_DAMAGED_FILES = "HAS_DAMAGED_FILES"
    ALREADY_OFFERED = "ALREADY_OFFERED"
    ACKNOWLEDGEMENT_REQUIRED = "ACKNOWLEDGEMENT_REQUIRED"
    TERMS_NOT_ACCEPTED = "TERMS_NOT_ACCEPTED"
    TERMS_OUTDATED = "TERMS_OUTDATED"
    INVALID_EMAIL = "INVALID_EMAIL"
    RECIPIENT_IN_OWN_ENVIRONMENT = "RECIPIENT_IN_OWN_ENVIRONMENT"
    UNKNOWN_RECIPIENT = "UNKNOWN_RECIPIENT"
    RECIPIENTS_IN_SEVERAL_ENVIRONMENTS = "RECIPIENTS_IN_SEVERAL_ENVIRONMENTS"
    TARGET_NOT_PREMIUM = "TARGET_NOT_PREMIUM"
    EXPIRED = "EXPIRED"
    MOVE_STARTED = "MOVE_STARTED"
    ALREADY_ENDED = "ALREADY_ENDED"
    TRANSFER_CODE_INVALID = "TRANSFER_CODE_INVALID"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    OWN_OFFER = "OWN_OFFER"
    NOT_PREMIUM = "NOT_PREMIUM"
    COSTS_NOT_ACCEPTED = "COSTS_NOT_ACCEPTED"
    WRONG_PACKAGE = "WRONG_PACKAGE"
    NO_CONNECTION_OF_PACKAGE = "NO_CONNECTION_OF_PACKAGE"
    DUPLICATE_IN_TARGET = "DUPLICATE_IN_TARGET"
    NOT_OFFERED = "NOT_OFFERED"
    ALREADY_RECEIVED = "ALREADY_RECEIVED"
    NOT_FAILED = "NOT_FAILED"
    NOT_QUEUED = "NOT_QUEUED"
    WITHDRAWN = "WITHDRAWN"
    REJECTED = "REJECTED"
    CODE_IN_USE = "CODE_IN_USE"
    TOO_MANY_RECIPIENT_CHECKS = "TOO_MANY_RECIPIENT_CHECKS"
    TOO_MANY_RESENDS = "TOO_MANY_RESENDS"
    NO_CURRENT_RECIPIENTS = "NO_CURRENT_RECIPIENTS"


@strawberry.type
class UserError:
    """One refusal: what went wrong, where in the input, and a sentence for people."""

    code: UserErrorCode
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


def argument_error(
    code: UserErrorCode, message: str, *path: str, retry_at: datetime | None = None
) -> UserError:
    """A refusal a query answers in its result, pointing at one of its arguments (or at none)."""
    return UserError(code=code, field=list(path) or None, message=message, retry_at=retry_at)


def superusers_only(user: User, action: str) -> list[UserError]:
    """Rule 1 for every mutation: a refusal for anyone but a superuser, nothing otherwise."""
    if user.is_superuser:
        return []
    return [user_error(UserErrorCode.FORBIDDEN, f"Only superusers may {action}.")]


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
