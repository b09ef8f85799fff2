"""Least privilege for reads and writes (rule 1): what each role and token may see and change.

docs/api/access.md shows this table. Resolvers ask `Context.require` (a whole field) or
`Context.may` (one value inside an object), and a list's search, filters and sort ask
`Context.columns` (the values that list may match on); nothing else decides who sees what.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from strawberry.permission import BasePermission

from models import ApiToken, User
from models.enums import Role, TokenScope
from models.refusals import Refusal, RefusalCode


class Sight(StrEnum):
    """One kind of data a reader may or may not see; the value is how refusals name it."""

    ADMINISTRATIONS = "administrations and accounting connections"
    DOCUMENTS = "documents and their files"
    API_TOKENS = "API tokens"
    USERS = "the other users of the environment"
    EMAIL_ADDRESSES = "people's e-mail addresses"
    INBOUND_ADDRESSES = "administrations' inbound mail addresses"
    MIGRATIONS = "offers, their status, progress, receipts and audit trail"
    OFFER_CHECKS = "the offer checklist"
    TRANSFER_CODES = "transfer codes and recipients' addresses"
    REDEEM_CODES = "transfer codes to redeem"
    BILLING = "billable lines and costs"
    CODE_ATTEMPTS = "failed transfer-code attempts"
    RECIPIENT_CHECKS = "the recipients' addresses looked up from the environment"
    WEBHOOKS = "webhook endpoints and their delivery log"


_EVERYTHING = frozenset(Sight)

# What each role may see with a full token. RESTRICTED_CLIENT and AUTHORIZER users see no
# administrations or documents: there is no model of what they are granted yet (rule 1).
ROLE_SIGHTS: dict[Role, frozenset[Sight]] = {
    Role.SUPERUSER: _EVERYTHING,
    Role.USER: frozenset(
        {
            Sight.ADMINISTRATIONS,
            Sight.DOCUMENTS,
            Sight.API_TOKENS,
            Sight.USERS,
            Sight.EMAIL_ADDRESSES,
            Sight.INBOUND_ADDRESSES,
        }
    ),
    Role.AUTHORIZER: frozenset({Sight.API_TOKENS}),
    Role.RESTRICTED_CLIENT: frozenset({Sight.API_TOKENS}),
}

# What a token's scope leaves of its user's sight: a partner's read-only token follows status,
# progress, receipts, audit and the office's webhook endpoints with their delivery log, and
# never sees codes, addresses, documents or files, nor redeems codes.
SCOPE_SIGHTS: dict[TokenScope, frozenset[Sight]] = {
    TokenScope.FULL: _EVERYTHING,
    TokenScope.READ_ONLY: frozenset({Sight.MIGRATIONS, Sight.WEBHOOKS}),
}

# Everything about migrations is for superusers (rule 1), so their refusal says so.
SUPERUSER_SIGHTS = frozenset(
    {
        Sight.MIGRATIONS,
        Sight.OFFER_CHECKS,
        Sight.TRANSFER_CODES,
        Sight.REDEEM_CODES,
        Sight.CODE_ATTEMPTS,
        Sight.RECIPIENT_CHECKS,
        Sight.WEBHOOKS,
    }
)


def sights(role: Role, scope: TokenScope) -> frozenset[Sight]:
    """What a user of this role sees through a token of this scope."""
    return ROLE_SIGHTS[role] & SCOPE_SIGHTS[scope]


class Listing(StrEnum):
    """A list whose search, filters, sort or counts could tell a reader about its rows."""

    ADMINISTRATIONS = "administrations"
    DOCUMENTS = "documents"
    OFFERED = "offeredAdministrations"
    RECEIVABLE = "receivableAdministrations"


class Column(StrEnum):
    """A value a list can be searched, filtered or sorted on."""

    ADMINISTRATION_NAME = "administration name"
    ADMINISTRATION_CODE = "administration code"
    CONNECTION = "accounting connection"
    INBOUND_ADDRESS = "inbound mail address"
    RECIPIENTS = "recipients' addresses"
    TRANSFER_CODE = "transfer code"
    STATUS = "status"
    OFFERED_AT = "date offered"
    EXPIRES_AT = "expiry date"
    SOURCE_OFFICE = "source office"
    TARGET_OFFICE = "target office"
    CHOSEN_CODE = "administration code chosen by the receiver"
    PACKAGE = "accounting package"
    FILE_PROBLEM = "file problem"


_OVERVIEW_ROW = {
    Column.ADMINISTRATION_NAME: Sight.MIGRATIONS,
    Column.ADMINISTRATION_CODE: Sight.MIGRATIONS,
    Column.STATUS: Sight.MIGRATIONS,
    Column.OFFERED_AT: Sight.MIGRATIONS,
    Column.EXPIRES_AT: Sight.MIGRATIONS,
    Column.INBOUND_ADDRESS: Sight.INBOUND_ADDRESSES,
}

# What each list may match on, each value under the sight that shows it as a field: a search,
# filter, sort or count never matches a value the reader may not read, so it cannot be
# inferred either (rule 1). The receiving office never reads the source's transfer code or
# recipients, so its overview never matches them, whatever its role; the code the receiver
# chose is the receiver's alone, so only its own overview matches it.
LIST_COLUMNS: dict[Listing, dict[Column, Sight]] = {
    Listing.ADMINISTRATIONS: {
        Column.ADMINISTRATION_NAME: Sight.ADMINISTRATIONS,
        Column.ADMINISTRATION_CODE: Sight.ADMINISTRATIONS,
        Column.CONNECTION: Sight.ADMINISTRATIONS,
    },
    Listing.DOCUMENTS: {Column.STATUS: Sight.DOCUMENTS, Column.FILE_PROBLEM: Sight.DOCUMENTS},
    Listing.OFFERED: {
        **_OVERVIEW_ROW,
        Column.RECIPIENTS: Sight.TRANSFER_CODES,
        Column.TRANSFER_CODE: Sight.TRANSFER_CODES,
        Column.TARGET_OFFICE: Sight.MIGRATIONS,
    },
    Listing.RECEIVABLE: {
        **_OVERVIEW_ROW,
        Column.SOURCE_OFFICE: Sight.MIGRATIONS,
        Column.PACKAGE: Sight.MIGRATIONS,
        Column.CHOSEN_CODE: Sight.MIGRATIONS,
    },
}


def list_columns(listing: Listing, seen: frozenset[Sight]) -> frozenset[Column]:
    """The values a list may match on for a reader who sees these kinds of data."""
    return frozenset(column for column, sight in LIST_COLUMNS[listing].items() if sight in seen)


def token_may(token: ApiToken, sight: Sight) -> bool:
    """Whether the holder of this token may see this kind of data."""
    return sight in token_sights(token)


def token_sights(token: ApiToken) -> frozenset[Sight]:
    """Everything the holder of this token may see: nothing once its user is deactivated."""
    user = token.user
    return sights(user.role, token.scope) if user.is_active else frozenset()


def narrowed(before: ApiToken, after: ApiToken) -> bool:
    """Whether a token reloaded now lost sight it had when last checked, or its user moved office:
    a long-lived socket opened before may no longer stream what it was given then."""
    return after.user.environment_id != before.user.environment_id or not _seen(after) >= _seen(
        before
    )


def _seen(token: ApiToken) -> frozenset[Sight]:
    user = token.user
    return sights(user.role, token.scope) if user.is_active else frozenset()


def refusal(token: ApiToken, sight: Sight) -> str:
    """The sentence that tells a reader why they may not see something, and nothing more."""
    role, scope = token.user.role, token.scope
    if scope == TokenScope.READ_ONLY and sight in ROLE_SIGHTS[role]:
        return f"A read-only token may not see {sight.value}."
    if sight in SUPERUSER_SIGHTS:
        return f"Only a superuser of this environment may see {sight.value}."
    return f"Your role ({role.value}) may not see {sight.value}."


def may_act(user: User) -> bool:
    """Rule 1 for writes: only a superuser offers, withdraws, receives, rejects or makes tokens."""
    return user.is_superuser


def superusers_only(user: User, action: str) -> Refusal | None:
    """What every mutation answers first when may_act says no, naming what was refused.

    The viewer's abilities and the offers' allowed actions ask the same, so a screen's button
    says what the mutation would.
    """
    if may_act(user):
        return None
    return Refusal(RefusalCode.FORBIDDEN, f"Only superusers may {action}.")


def may_write(token: ApiToken) -> bool:
    """Whether this token may change anything: a partner's read-only token never does."""
    return not token.is_read_only


class CanWrite(BasePermission):
    """Every mutation refuses read-only (partner) tokens."""

    message = "This token is read-only: it may query but not change anything."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        token = info.context.token
        return token is None or may_write(token)


def mutation(**kwargs: Any) -> Any:
    """A mutation field: refused to read-only tokens before any resolver runs."""
    return strawberry.mutation(permission_classes=[CanWrite], **kwargs)
