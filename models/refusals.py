"""The one shape of a refusal: a code from one enum, the field it is about, a sentence for people.

Every check of the domain answers with `Refusal`s, and `Refused` carries one where the flow
must stop. The API publishes `RefusalCode` as its `UserErrorCode` as it is, so no code is ever
mapped by its name, and a code added here is a code the schema has.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum


class RefusalCode(StrEnum):
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
    NOT_BEFORE_IN_PAST = "NOT_BEFORE_IN_PAST"
    NOT_BEFORE_TOO_FAR = "NOT_BEFORE_TOO_FAR"
    WEBHOOK_TARGET_REFUSED = "WEBHOOK_TARGET_REFUSED"
    NO_WEBHOOK_EVENTS = "NO_WEBHOOK_EVENTS"


Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Refusal:
    """One refusal: its code, the path into what was sent (empty: the whole), and why in words."""

    code: RefusalCode
    message: str
    field: Path = ()
    retry_at: datetime | None = None  # for a refusal of too many tries: when it lifts

    def at(self, *prefix: str | int) -> Refusal:
        """The same refusal, seen from further out: its path under `prefix`."""
        return replace(self, field=(*prefix, *self.field))


class Refused(Exception):
    """A refusal that stops the flow; its message is safe to show."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal
