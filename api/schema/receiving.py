"""What the receiving side sees and sends: the preview by code, claims, rejections, retries."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.identity import CACHE_ID, part_of
from api.list_limits import limited_list
from api.pagination import Connection, Order, paginate_list
from api.schema.administration import AccountingConnectionType
from api.schema.enums import AccountingPackageEnum
from api.schema.environment import EnvironmentType
from api.schema.migration import MigrationAdministrationType, MigrationType
from api.schema.user_errors import UserError
from overdracht.settings import MOST_ADMINISTRATIONS_PER_OFFER


@strawberry.type(description=part_of("OfferPreview", "an amount of money in a currency."))
class Price:
    """An amount of money in a currency."""

    amount: str = strawberry.field(description="A decimal amount with two decimals, as text.")
    currency: str = strawberry.field(description="ISO 4217 code, for example EUR.")


@strawberry.type
class OfferPreviewAdministration:
    """One offered administration and whether the viewer's environment can receive it."""

    id: strawberry.ID = strawberry.field(
        description=CACHE_ID + " One per offered administration, as your environment sees it."
    )
    administration: MigrationAdministrationType
    document_count: int
    can_receive: bool
    has_connection_of_package: bool = strawberry.field(
        description="Your environment has a connection of the same accounting package."
    )
    duplicate_in_target: bool = strawberry.field(
        description=(
            "Your environment already has an administration with this code and name; it cannot "
            "be received, whatever code you choose, until that one is removed."
        )
    )
    code_in_use: bool = strawberry.field(
        description=(
            "Your environment already uses the offered code for another administration; choose "
            "another administrationCode when receiving."
        )
    )
    still_offered: bool
    item_id: strawberry.Private[int]


# The preview's administrations in the order they were offered, which their cursors follow.
OFFERED_ORDER = Order(("item_id", int))


@strawberry.type
class OfferPreview:
    """What a transfer code offers, before anything is accepted."""

    id: strawberry.ID = strawberry.field(
        description=CACHE_ID + " One per offer, however its code was typed."
    )
    source_office: EnvironmentType
    package: AccountingPackageEnum
    offered_at: datetime
    expires_at: datetime
    requester_name: str
    target_is_premium: bool = strawberry.field(
        description="Only an environment on the PREMIUM plan can receive."
    )
    price_per_administration: Price = strawberry.field(
        description="What receiving costs your environment per administration moved (rule 8)."
    )
    connections: Connection[AccountingConnectionType] = strawberry.field(
        description="Your connections of the offered package, to choose from when receiving."
    )
    rows: strawberry.Private[list[OfferPreviewAdministration]]

    @strawberry.field(description="The offered administrations, in the order they were offered.")
    def administrations(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[OfferPreviewAdministration]:
        return paginate_list(
            self.rows,
            order=OFFERED_ORDER,
            first=first,
            after=after,
            max_page_size=info.context.settings.max_page_size,
            to_node=lambda row: row,
        )


@strawberry.type(
    description=part_of(
        "Query",
        "what a transfer code offers (preview), or why it opens nothing (userErrors: FORBIDDEN, "
        "TRANSFER_CODE_INVALID, TOO_MANY_ATTEMPTS with retryAt, OWN_OFFER, EXPIRED, WITHDRAWN, "
        "REJECTED or ALREADY_RECEIVED, at the field transferCode).",
    )
)
class TransferCodePreviewResult:
    """The answer to a typed transfer code: the preview, or the typed refusal to show instead."""

    preview: OfferPreview | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ClaimAdministrationInput:
    """One administration to receive, and where it goes."""

    migration_administration_id: strawberry.ID = strawberry.field(
        description="The MigrationAdministration ID from the preview."
    )
    connection_id: strawberry.ID = strawberry.field(
        description="One of your accounting connections of the same package."
    )
    administration_code: str | None = strawberry.field(
        default=None,
        description="The code in your accounting package, if it differs from the offered one.",
    )
    not_before: datetime | None = strawberry.field(
        default=None,
        description=(
            "A moment the move must not start before, for example after a period closes: not "
            "in the past (NOT_BEFORE_IN_PAST) and at most "
            "OVERDRACHT_MOVE_NOT_BEFORE_MAX_SECONDS (30 days unless configured) ahead "
            "(NOT_BEFORE_TOO_FAR); without a time zone it is UTC. Null: as soon as a worker is "
            "free. Changed later with rescheduleMove."
        ),
    )


@strawberry.input
class ClaimMigrationInput:
    """Receive some or all administrations of an offer."""

    transfer_code: str
    accept_terms: bool
    terms_version: str = strawberry.field(
        description=(
            "The version of the terms (Query.terms) the user was shown and accepts; another than "
            "the current one is refused as TERMS_OUTDATED. Recorded on each administration "
            "received (receptionTermsVersion)."
        )
    )
    accept_costs: bool = strawberry.field(
        description="The migration costs are charged to your environment per administration."
    )
    administrations: list[ClaimAdministrationInput] = limited_list(
        at_most=MOST_ADMINISTRATIONS_PER_OFFER
    )


@strawberry.type
class ClaimMigrationPayload:
    """The offer, with the received administrations QUEUED for their move."""

    migration: MigrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RejectMigrationInput:
    """Decline some administrations of an offer, optionally saying why."""

    transfer_code: str
    migration_administration_ids: list[strawberry.ID] = limited_list(
        at_most=MOST_ADMINISTRATIONS_PER_OFFER,
        description="MigrationAdministration IDs from the preview.",
    )
    reason: str | None = None


@strawberry.type
class RejectMigrationPayload:
    """The offer after the rejection."""

    migration: MigrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RetryMigrationInput:
    """Start a failed move again."""

    migration_administration_id: strawberry.ID


@strawberry.type
class RetryMigrationPayload:
    """The administration, QUEUED again."""

    administration: MigrationAdministrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CancelMigrationInput:
    """Take back a claim whose move has not started (QUEUED)."""

    migration_administration_id: strawberry.ID = strawberry.field(
        description="The MigrationAdministration you received."
    )


@strawberry.type
class CancelMigrationPayload:
    """The administration: OFFERED again while its code is valid, otherwise EXPIRED."""

    administration: MigrationAdministrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class GiveUpMigrationInput:
    """Give up a failed move; the sender can then offer the administration anew."""

    migration_administration_id: strawberry.ID = strawberry.field(
        description="The MigrationAdministration whose move failed."
    )


@strawberry.type
class GiveUpMigrationPayload:
    """The administration, REJECTED and released from the offer."""

    administration: MigrationAdministrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RescheduleMoveInput:
    """Change or clear the moment a received move must not start before, until it starts."""

    id: strawberry.ID = strawberry.field(description="The MigrationAdministration you received.")
    not_before: datetime | None = strawberry.field(
        default=None,
        description=(
            "The new moment, checked as in claimMigration (NOT_BEFORE_IN_PAST, "
            "NOT_BEFORE_TOO_FAR); null to start as soon as a worker is free."
        ),
    )


@strawberry.type
class RescheduleMovePayload:
    """The administration, still QUEUED, with its new notBefore."""

    administration: MigrationAdministrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)
