"""Inputs and payloads of offering and withdrawing, and the checklist rows of the offer screen."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.identity import CACHE_ID
from api.list_limits import limited_list
from api.schema.administration import AdministrationType
from api.schema.enums import MailLanguageEnum
from api.schema.migration import MigrationType
from api.schema.user_errors import UserError
from models.enums import MailLanguage
from models.offering import MAX_RECIPIENTS
from overdracht.settings import MOST_ADMINISTRATIONS_PER_OFFER


@strawberry.type
class AdministrationChecklist:
    """Whether one administration can be offered, with the figures behind every check (rule 5)."""

    id: strawberry.ID = strawberry.field(
        description=CACHE_ID + " One checklist per administration."
    )
    administration: AdministrationType
    can_be_offered: bool = strawberry.field(description="True when every check below passes.")
    package_is_migratable: bool
    already_offered: bool = strawberry.field(description="It is in an open offer already.")
    no_authorizers: bool = strawberry.field(description="No authorizer in its authorization flow.")
    authorizers_in_flow: int
    no_active_workflow: bool
    active_workflows: int
    all_documents_settled: bool = strawberry.field(
        description="Every document is APPROVED, REJECTED or BOOKED."
    )
    pending_documents: int = strawberry.field(description="Documents that are NEW or TO_AUTHORIZE.")
    all_files_intact: bool = strawberry.field(
        description="The file check found no stored file missing, unreadable or damaged."
    )
    damaged_files: int = strawberry.field(
        description="Documents whose stored file the file check found missing or damaged."
    )


@strawberry.input
class OfferMigrationInput:
    """An offer of one or more administrations of one package to another environment."""

    administration_ids: list[strawberry.ID] = limited_list(
        at_most=MOST_ADMINISTRATIONS_PER_OFFER,
        description=(
            "One offer holds at most as many as the installation allows (5 unless it sets "
            "otherwise): more is the userError TOO_MANY, before anything is looked up."
        ),
    )
    recipients: list[str] = limited_list(
        at_most=MAX_RECIPIENTS,
        description="E-mail addresses of superusers of the receiving environment.",
    )
    acknowledge_users_do_not_move: bool = strawberry.field(
        description="Users, authorizers, authorization flows and workflows stay behind."
    )
    accept_terms: bool
    terms_version: str = strawberry.field(
        description=(
            "The version of the terms (Query.terms) the user was shown and accepts; another than "
            "the current one is refused as TERMS_OUTDATED. Recorded on the offer."
        )
    )
    language: MailLanguageEnum = MailLanguage.NL


@strawberry.type
class OfferMigrationPayload:
    """The new offer with its transfer code, or why nothing was offered."""

    migration: MigrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CheckRecipientsInput:
    """The recipients typed so far in the offer wizard, each checked as offerMigration will."""

    recipients: list[str] = limited_list(
        at_most=MAX_RECIPIENTS,
        description=(
            "E-mail addresses of superusers of the receiving environment, in the order typed. "
            "Send the whole list as it grows: an address looked up again within the hour costs "
            "nothing."
        ),
    )


@strawberry.type
class CheckedRecipient:
    """One address as typed, and whether an offer to it would be accepted as it stands."""

    id: strawberry.ID = strawberry.field(
        description=CACHE_ID + " One per user and address, never holding the address itself."
    )
    address: str = strawberry.field(description="The address as it was sent.")
    accepted: bool = strawberry.field(
        description=(
            "It was looked up and is an active superuser of the one receiving office, which is "
            "on PREMIUM; when not, userErrors says why at its position."
        )
    )


@strawberry.type
class CheckRecipientsPayload:
    """Each address as typed with whether it is accepted, and every refusal as offering gives it."""

    recipients: list[CheckedRecipient] = strawberry.field(
        default_factory=list,
        description="One per address sent, in the same order (at most 10, as the input).",
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class WithdrawMigrationInput:
    """Withdraw a whole offer, or only one administration of it."""

    migration_id: strawberry.ID
    migration_administration_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The MigrationAdministration to withdraw; leave out to withdraw the offer.",
    )


@strawberry.type
class WithdrawMigrationPayload:
    """The offer after the withdrawal."""

    migration: MigrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ChangeMigrationRecipientsInput:
    """New recipients for an offer that still stands: superusers of its target office."""

    migration_id: strawberry.ID
    recipients: list[str] = limited_list(at_most=MAX_RECIPIENTS)


@strawberry.type
class ChangeMigrationRecipientsPayload:
    """The offer with its new recipients; those added got the offer mail."""

    migration: MigrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ResendMigrationOfferInput:
    """Send the offer mail with the code again, to the recipients still superusers there."""

    migration_id: strawberry.ID


@strawberry.type
class ResendMigrationOfferPayload:
    """The offer whose mail was queued again, and to whom."""

    migration: MigrationType | None = None
    sent_to: list[str] = strawberry.field(
        default_factory=list,
        description="The recipients the mail went to: those still active superusers of the "
        "office the offer is for.",
    )
    skipped_recipients: list[str] = strawberry.field(
        default_factory=list,
        description="Recipients who no longer are (deactivated, no longer superuser, or gone): "
        "they got nothing; change the recipients to reach someone else.",
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ExtendMigrationInput:
    """A later expiry for what is still offered, at most the offer validity from now."""

    migration_id: strawberry.ID
    expires_at: datetime


@strawberry.type
class ExtendMigrationPayload:
    """The offer with its new expiry; the recipients got the offer mail with the new date."""

    migration: MigrationType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)
