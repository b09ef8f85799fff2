"""Offers (migrations), each administration in them, and their audit trail."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Self

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from api.identity import CACHE_ID, part_of
from api.ids import encode_composite_id, encode_global_id
from api.manifest_download import manifest_path
from api.pagination import BigInt, Connection, Order, paginate_list
from api.permissions import Sight
from api.schema.administration import AdministrationType
from api.schema.enums import (
    AccountingPackageEnum,
    AuditActionEnum,
    DeliveryStateEnum,
    MailLanguageEnum,
    MigrationActionEnum,
    MigrationStatusEnum,
    MoveFailureEnum,
    MoveVerificationEnum,
)
from api.schema.environment import EnvironmentType
from mail.delivery import key as address_key
from mail.delivery import recipient_deliveries
from models import AuditEvent, Migration, MigrationAdministration
from models.actions import allowed_on_item, allowed_on_offer
from models.enums import AuditAction, MigrationStatus, MoveFailure
from models.offers import effective_status, is_received_by, move_pace, reason_for
from models.transfer_code import format_transfer_code
from overdracht.settings import MoveVerification

if TYPE_CHECKING:
    from api.context import Context

# The orders of an offer's lists, which their cursors follow.
IN_OFFER_ORDER = Order(("id", int))
OLDEST_FIRST = Order(("at", datetime), ("id", BigInt))
BY_ADDRESS = Order(("address", str))


def shows_secrets(migration: Migration, ctx: Context) -> bool:
    """Transfer codes and recipients are for the offering office's superusers (rule 1)."""
    return shows_secrets_of(migration.source_environment_id, ctx)


def shows_secrets_of(source_environment_id: int, ctx: Context) -> bool:
    """The same rule for an offer known by its source alone (a row of an overview page)."""
    return secrets_shown(source_environment_id, ctx.environment_id, ctx.may(Sight.TRANSFER_CODES))


def secrets_shown(source_environment_id: int, viewer_environment_id: int, sees: bool) -> bool:
    """The rule itself: the offering office's viewers who may see transfer codes."""
    return sees and source_environment_id == viewer_environment_id


async def office_of(info: strawberry.Info, environment_id: int | None) -> EnvironmentType | None:
    """An offer's office through the request's loader; None for an offer that named none."""
    if environment_id is None:
        return None
    env = await info.context.loaders.environment.load(environment_id)
    return EnvironmentType.from_model(env) if env else None


@dataclass(frozen=True)
class NodeViewer:
    """What a node's conversion asks of the viewer, read once for a page of nodes."""

    environment_id: int
    now: datetime
    sees_transfer_codes: bool
    sees_inbound_addresses: bool
    sees_documents: bool

    @classmethod
    def of(cls, ctx: Context) -> NodeViewer:
        """The viewer of this request, at this moment."""
        return cls(
            environment_id=ctx.environment_id,
            now=ctx.clock.now(),
            sees_transfer_codes=ctx.may(Sight.TRANSFER_CODES),
            sees_inbound_addresses=ctx.may(Sight.INBOUND_ADDRESSES),
            sees_documents=ctx.may(Sight.DOCUMENTS),
        )


# The columns of an item and of its offer (`migration__...`) a MigrationAdministration is made
# of: an overview page reads only these, as values, when no field needs the models themselves.
NODE_VALUES = (
    "id", "migration_id", "administration_id", "status", "administration_name",
    "administration_code", "inbound_mail_address", "offered_at", "expires_at",
    "status_changed_at", "reason", "failure", "documents_done", "documents_total",
    "bytes_total", "checksums_verified", "verification", "completed_at", "target_code",
    "target_environment_id", "reception_terms_version", "manifest_sha256", "not_before",
    "started_at", "progress_at", "migration__package",
    "migration__transfer_code", "migration__recipients", "migration__source_environment_id",
    "migration__target_environment_id",
)  # fmt: skip


@strawberry.type(
    description=part_of(
        "MigrationAdministration",
        "how far its move is, documents done of total, and how fast it goes.",
    )
)
class MoveProgress:
    """How far the move of one administration is: documents done of total, and its pace."""

    documents_done: int
    documents_total: int
    documents_per_second: float | None = strawberry.field(
        description=(
            "Documents per second measured during this attempt of the move: the documents done "
            "at the worker's last report divided by the seconds from the attempt's start to that "
            "report. An average over the attempt rather than over the last reports, because the "
            "documents are verified in pages of equal size, so it follows the move steadily and "
            "is the same on every read between two reports. Null until the first page of "
            "documents is done and whenever the move is not RUNNING."
        )
    )
    expected_completion_at: datetime | None = strawberry.field(
        description=(
            "When the move is expected to be done: the documents still to do at "
            "documentsPerSecond, from the worker's last report on, and never earlier than now. "
            "Null whenever documentsPerSecond is."
        )
    )


@strawberry.type
class MoveReceipt:
    """What a completed move did: documents and bytes moved, and the checksum verification."""

    id: strawberry.ID = strawberry.field(description=CACHE_ID)
    documents_moved: int
    bytes_moved: float = strawberry.field(
        description="Bytes of all files (a Float: may pass 2^31)."
    )
    checksums_verified: bool = strawberry.field(
        description="Every file was checked against its recorded checksums before completion."
    )
    verification: MoveVerificationEnum = strawberry.field(
        description=(
            "How the files were checked: READ, every file read back and its SHA-256 "
            "recomputed; LISTING, every file found in the object store's listing with its "
            "recorded size and MD5 (bytes damaged at rest are found by the scrubbing job)."
        )
    )
    completed_at: datetime
    manifest_sha256: str | None = strawberry.field(
        description=(
            "The SHA-256 of the move's manifest (hex), as the completion mail states it: the "
            "proof, later, of which documents moved with which content. Null for a move "
            "completed before manifests were written."
        )
    )
    manifest_download_path: str | None = strawberry.field(
        description=(
            "Path of the manifest's download, relative to the service URL, with the same token: "
            "a CSV of every document moved, one line each: document_id (as Document.id), title, "
            "kind, status, file_name, size, sha256, md5, verified_by. For the superusers of both "
            "offices; null until the manifest is written and for read-only tokens, which see no "
            "files."
        )
    )


@strawberry.type(
    description=part_of(
        "Migration or MigrationAdministrationOverview",
        "how many of its administrations (or rows) are in each status.",
    )
)
class MigrationStatusCounts:
    """How many administrations of an offer are in each status: the state of the whole offer."""

    offered: int = 0
    withdrawn: int = 0
    expired: int = 0
    rejected: int = 0
    queued: int = 0
    running: int = 0
    completed: int = 0
    failed: int = 0
    total: int = 0


@strawberry.type(name="MigrationAdministration")
class MigrationAdministrationType(relay.Node):
    """One administration in an offer, with its own status; a row of both overviews."""

    id: relay.NodeID[int]
    status: MigrationStatusEnum
    administration_name: str
    administration_code: str
    inbound_mail_address: str | None = strawberry.field(
        description=(
            "The inbound address as it was when offered; null for read-only tokens, which see "
            "no inbound addresses."
        )
    )
    package: AccountingPackageEnum
    offered_at: datetime
    expires_at: datetime
    status_changed_at: datetime
    transfer_code: str | None = strawberry.field(
        description="Shown to the superusers of the offering environment only, with a full token."
    )
    recipients: list[str] | None = strawberry.field(
        description="Shown to the superusers of the offering environment only, with a full token."
    )
    reason: str | None = strawberry.field(description="Why it was rejected or why the move failed.")
    failure: MoveFailureEnum | None = strawberry.field(
        description="Why the move failed, for a screen to branch on; set while FAILED."
    )
    progress: MoveProgress
    receipt: MoveReceipt | None = strawberry.field(description="Set once the move has completed.")
    chosen_code: str | None = strawberry.field(
        description=(
            "The administration code it gets (or got) in the receiving office's accounting "
            "package, as chosen when it was received; shown to the receiving office only, and "
            "matched by the search of receivableAdministrations."
        )
    )
    reception_terms_version: str | None = strawberry.field(
        description=(
            "The version of the terms (Query.terms) the receiver accepted when receiving it; "
            "null until it is received."
        )
    )
    not_before: datetime | None = strawberry.field(
        description=(
            "The moment the receiver chose for the move not to start before; no worker starts "
            "it earlier. Null: it starts as soon as a worker is free. Seen by both sides; the "
            "receiver changes it with rescheduleMove until the move starts."
        )
    )
    migration_id: strawberry.Private[int]
    source_environment_id: strawberry.Private[int]
    target_environment_id: strawberry.Private[int | None]
    administration_id: strawberry.Private[int]
    # The models, when the node was made from them; a node made from values loads them.
    row: strawberry.Private[MigrationAdministration | None]
    offer: strawberry.Private[Migration | None]

    @strawberry.field(
        description=(
            "The administration as it is now, when it is in your environment: the source's "
            "before the move, the receiver's after it, with its new code and inbound address. "
            "Null for everyone else."
        )
    )
    async def administration(self, info: strawberry.Info) -> AdministrationType | None:
        ctx = info.context
        if not ctx.may(Sight.ADMINISTRATIONS):
            return None
        administration = await ctx.loaders.administration.load(self.administration_id)
        if administration is None or administration.environment_id != ctx.environment_id:
            return None
        return AdministrationType.from_model(administration)

    @strawberry.field(description="The office that offered it.")
    async def source_office(self, info: strawberry.Info) -> EnvironmentType:
        env = await info.context.loaders.environment.load(self.source_environment_id)
        return EnvironmentType.from_model(env)

    @strawberry.field(description="The offer this administration is part of.")
    async def migration(self, info: strawberry.Info) -> MigrationType:
        migration = await info.context.loaders.migration.load(self.migration_id)
        return MigrationType.from_model(migration, info.context)

    @strawberry.field(
        description=(
            "The office the offer is for: its recipients' office, which alone may receive it. "
            "Null for an offer made before offers named their office."
        )
    )
    async def target_office(self, info: strawberry.Info) -> EnvironmentType | None:
        return await office_of(info, self.target_environment_id)

    @strawberry.field(
        description=(
            "What you may do with this administration now, each named as its mutation: the "
            "source WITHDRAW (offered or failed) and RETRY (failed); the receiving office "
            "RECEIVE and REJECT (offered, with the transfer code), CANCEL and RESCHEDULE (queued), "
            "GIVE_UP and "
            "RETRY (failed). Empty for read-only tokens. Decided by the checks the mutations run; "
            "what they check of their input (a connection, a code) they say in userErrors."
        )
    )
    async def allowed_actions(self, info: strawberry.Info) -> list[MigrationActionEnum]:
        ctx = info.context
        offer = self.offer or await ctx.loaders.migration.load(self.migration_id)
        row = self.row or next(
            item
            for item in await ctx.loaders.items_of_migration.load(self.migration_id)
            if item.pk == self.id
        )
        actor = await ctx.actor(offer)
        return allowed_on_item(actor, offer, row, ctx.clock.now())

    @classmethod
    def from_model(cls, item: MigrationAdministration, migration: Migration, ctx: Context) -> Self:
        """Convert with the viewer in mind: only the source sees the code and the recipients."""
        node = cls._made_of(
            lambda name: getattr(item, name),
            lambda name: getattr(migration, name),
            NodeViewer.of(ctx),
        )
        node.row, node.offer = item, migration
        return node

    @classmethod
    def from_values(cls, values: Mapping[str, Any], viewer: NodeViewer) -> Self:
        """The same node from a row read as values (NODE_VALUES), without making models."""
        return cls._made_of(values.__getitem__, lambda name: values[f"migration__{name}"], viewer)

    @classmethod
    def _made_of(
        cls, item: Callable[[str], Any], offer: Callable[[str], Any], viewer: NodeViewer
    ) -> Self:
        """The one conversion of an item and its offer, each read by column name."""
        secrets = secrets_shown(
            offer("source_environment_id"), viewer.environment_id, viewer.sees_transfer_codes
        )
        status = item("status")
        completed_at = item("completed_at")
        item_id = item("id")
        now = viewer.now
        shown_status = effective_status(status, item("expires_at"), now)
        pace = move_pace(
            shown_status,
            item("documents_done"),
            item("documents_total"),
            item("started_at"),
            item("progress_at"),
            now,
        )
        received = is_received_by(item("target_environment_id"), viewer.environment_id)
        return cls(
            id=item_id,
            status=shown_status,
            administration_name=item("administration_name"),
            administration_code=item("administration_code"),
            inbound_mail_address=(
                item("inbound_mail_address") if viewer.sees_inbound_addresses else None
            ),
            package=offer("package"),
            offered_at=item("offered_at"),
            expires_at=item("expires_at"),
            status_changed_at=item("status_changed_at"),
            transfer_code=format_transfer_code(offer("transfer_code")) if secrets else None,
            recipients=list(offer("recipients")) if secrets else None,
            reason=reason_for(
                item("reason") or "",
                item("failure"),
                receiver=received,
            )
            or None,
            failure=item("failure") if status == MigrationStatus.FAILED else None,
            progress=MoveProgress(
                documents_done=item("documents_done"),
                documents_total=item("documents_total"),
                documents_per_second=pace.documents_per_second,
                expected_completion_at=pace.expected_completion_at,
            ),
            receipt=MoveReceipt(
                id=strawberry.ID(encode_global_id("MoveReceipt", item_id)),
                documents_moved=item("documents_done"),
                bytes_moved=float(item("bytes_total")),
                checksums_verified=item("checksums_verified"),
                verification=item("verification") or MoveVerification.READ,
                completed_at=completed_at,
                manifest_sha256=item("manifest_sha256"),
                manifest_download_path=(
                    manifest_path(item_id)
                    if item("manifest_sha256") and viewer.sees_documents
                    else None
                ),
            )
            if status == MigrationStatus.COMPLETED and completed_at
            else None,
            chosen_code=item("target_code") if received else None,
            reception_terms_version=item("reception_terms_version"),
            not_before=item("not_before"),
            migration_id=item("migration_id"),
            source_environment_id=offer("source_environment_id"),
            target_environment_id=offer("target_environment_id"),
            administration_id=item("administration_id"),
            row=None,
            offer=None,
        )


# Events whose detail names recipients' addresses (rule 1): shown to the source's superusers.
SECRET_DETAIL = frozenset({AuditAction.RECIPIENT_REFUSED})
# Entries of any event's detail that list recipients' addresses, for the same eyes only.
ADDRESS_ENTRIES = ("sentTo", "skippedRecipients")
# Values in an event's detail that only some readers see, each under the sight that shows it.
DETAIL_SIGHTS = {"inbound_mail_address": Sight.INBOUND_ADDRESSES}
# The receiver's chosen code in a claim's detail: the receiving office's alone, never the source's.
CHOSEN_CODE_ENTRIES = {AuditAction.RECEIVED: "code"}


@strawberry.type(name="AuditEvent")
class AuditEventType:
    """One recorded step: who did what, when, and from which environment."""

    id: strawberry.ID = strawberry.field(description=CACHE_ID)
    action: AuditActionEnum
    at: datetime
    actor_name: str
    administration_name: str | None
    detail: strawberry.scalars.JSON
    actor_environment_id: strawberry.Private[int | None]

    @strawberry.field(description="The environment the step was taken from.")
    async def actor_office(self, info: strawberry.Info) -> EnvironmentType | None:
        if self.actor_environment_id is None:
            return None
        env = await info.context.loaders.environment.load(self.actor_environment_id)
        return EnvironmentType.from_model(env) if env else None

    @classmethod
    def from_model(
        cls,
        event: AuditEvent,
        *,
        shows_secrets: bool,
        to_source: bool,
        hidden: frozenset[str] = frozenset(),
    ) -> Self:
        """The event as this viewer may see it: a recipient's address is the source's alone,
        the receiver's chosen code the receiver's.

        `hidden` names the values of the detail this viewer may not read (DETAIL_SIGHTS).
        """
        detail = {key: value for key, value in event.detail.items() if key not in hidden}
        if to_source:
            detail.pop(CHOSEN_CODE_ENTRIES.get(event.action, ""), None)
            if event.action == AuditAction.FAILED and "reason" in detail:
                failure = detail.get("failure")
                detail["reason"] = reason_for(
                    str(detail["reason"]),
                    MoveFailure(str(failure)) if failure in MoveFailure.__members__ else None,
                    receiver=False,
                )
        if event.action in SECRET_DETAIL and not shows_secrets:
            detail = {}
        elif not shows_secrets:
            detail = {k: v for k, v in detail.items() if k not in ADDRESS_ENTRIES}
        return cls(
            id=strawberry.ID(encode_global_id("AuditEvent", event.pk)),
            action=event.action,
            at=event.at,
            actor_name=event.actor_name,
            administration_name=detail.get("administration"),
            detail=JSON(detail),
            actor_environment_id=event.actor_environment_id,
        )


@strawberry.type
class RecipientDelivery:
    """Whether one recipient of an offer got the mail with the transfer code."""

    id: strawberry.ID = strawberry.field(
        description=CACHE_ID + " The same for one offer and address, whichever mail went last."
    )
    address: str
    state: DeliveryStateEnum
    server_answer: str | None = strawberry.field(
        description="What the mail server answered, for a refused or still pending delivery."
    )
    next_attempt_at: datetime | None = strawberry.field(
        description="When a pending delivery is tried again."
    )
    updated_at: datetime | None = strawberry.field(description="When it was last tried.")


@strawberry.type(name="Migration")
class MigrationType(relay.Node):
    """One offer of administrations to another environment, guarded by one transfer code."""

    id: relay.NodeID[int]
    package: AccountingPackageEnum
    transfer_code: str | None = strawberry.field(
        description="Shown to the superusers of the offering environment only, with a full token."
    )
    offered_at: datetime
    expires_at: datetime
    is_expired: bool
    recipients: list[str] | None = strawberry.field(
        description="Shown to the superusers of the offering environment only, with a full token."
    )
    requester_name: str
    requester_email: str | None = strawberry.field(
        description="Hidden from read-only tokens, which see no e-mail addresses."
    )
    language: MailLanguageEnum
    terms_version: str | None = strawberry.field(
        description=(
            "The version of the terms (Query.terms) the requester accepted when offering; null "
            "for an offer made before terms had versions."
        )
    )
    source_environment_id: strawberry.Private[int]
    target_environment_id: strawberry.Private[int | None]
    shows_secrets: strawberry.Private[bool]

    @strawberry.field(description="The office that made the offer.")
    async def source_office(self, info: strawberry.Info) -> EnvironmentType:
        env = await info.context.loaders.environment.load(self.source_environment_id)
        return EnvironmentType.from_model(env)

    @strawberry.field(
        description=(
            "The office the offer is for: its recipients' office, which alone may receive it. "
            "Null for an offer made before offers named their office."
        )
    )
    async def target_office(self, info: strawberry.Info) -> EnvironmentType | None:
        return await office_of(info, self.target_environment_id)

    @strawberry.field(
        description=(
            "What you may do with the offer now, each named as its mutation: the source "
            "WITHDRAW (while something is offered or failed), CHANGE_RECIPIENTS, RESEND and "
            "EXTEND (while something is still offered); the receiving office RECEIVE and REJECT "
            "(while something is still offered). Empty for read-only tokens. What is done with "
            "one administration is in its own allowedActions."
        )
    )
    async def allowed_actions(self, info: strawberry.Info) -> list[MigrationActionEnum]:
        ctx = info.context
        migration = await ctx.loaders.migration.load(self.id)
        items = await ctx.loaders.items_of_migration.load(self.id)
        actor = await ctx.actor(migration)
        return allowed_on_offer(actor, migration, items, ctx.clock.now())

    @strawberry.field(description="The administrations in this offer, each with its status.")
    async def administrations(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[MigrationAdministrationType]:
        ctx = info.context
        migration = await ctx.loaders.migration.load(self.id)
        items = await ctx.loaders.items_of_migration.load(self.id)
        return paginate_list(
            items,
            order=IN_OFFER_ORDER,
            first=first,
            after=after,
            max_page_size=ctx.settings.max_page_size,
            to_node=lambda item: MigrationAdministrationType.from_model(item, migration, ctx),
        )

    @strawberry.field(description="How many administrations are in each status.")
    async def status_counts(self, info: strawberry.Info) -> MigrationStatusCounts:
        items = await info.context.loaders.items_of_migration.load(self.id)
        now = info.context.clock.now()
        counts = MigrationStatusCounts(total=len(items))
        for item in items:
            name = item.effective_status(now).value.lower()
            setattr(counts, name, getattr(counts, name) + 1)
        return counts

    @strawberry.field(
        description=(
            "Per recipient, whether the mail with the transfer code was delivered, is pending or "
            "was refused. Shown to the superusers of the offering environment only."
        )
    )
    async def recipient_deliveries(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[RecipientDelivery] | None:
        if not self.shows_secrets:
            return None
        ctx = info.context
        migration = await ctx.loaders.migration.load(self.id)
        mails = await ctx.loaders.code_mails_of_migration.load(self.id)
        return paginate_list(
            recipient_deliveries(list(migration.recipients), mails),
            order=BY_ADDRESS,
            first=first,
            after=after,
            max_page_size=ctx.settings.max_page_size,
            to_node=lambda shown: RecipientDelivery(
                id=strawberry.ID(
                    encode_composite_id("RecipientDelivery", self.id, address_key(shown.address))
                ),
                address=shown.address,
                state=shown.state,
                server_answer=shown.server_answer,
                next_attempt_at=shown.next_attempt_at,
                updated_at=shown.updated_at,
            ),
        )

    @strawberry.field(description="Every recorded step of this offer, oldest first.")
    async def audit_trail(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[AuditEventType]:
        ctx = info.context
        events = await ctx.loaders.audit_of_migration.load(self.id)
        hidden = frozenset(key for key, sight in DETAIL_SIGHTS.items() if not ctx.may(sight))
        return paginate_list(
            events,
            order=OLDEST_FIRST,
            first=first,
            after=after,
            max_page_size=ctx.settings.max_page_size,
            to_node=lambda event: AuditEventType.from_model(
                event,
                shows_secrets=self.shows_secrets,
                to_source=ctx.environment_id == self.source_environment_id,
                hidden=hidden,
            ),
        )

    @classmethod
    def from_model(cls, migration: Migration, ctx: Context) -> Self:
        """Convert with the viewer in mind: only the source sees the code and the recipients."""
        now = ctx.clock.now()
        secrets = shows_secrets(migration, ctx)
        emails = ctx.may(Sight.EMAIL_ADDRESSES)
        return cls(
            id=migration.pk,
            package=migration.package,
            transfer_code=format_transfer_code(migration.transfer_code) if secrets else None,
            offered_at=migration.offered_at,
            expires_at=migration.expires_at,
            is_expired=migration.is_expired(now),
            recipients=list(migration.recipients) if secrets else None,
            requester_name=migration.requester_name,
            requester_email=migration.requester_email if emails else None,
            language=migration.language,
            terms_version=migration.terms_version,
            source_environment_id=migration.source_environment_id,
            target_environment_id=migration.target_environment_id,
            shows_secrets=secrets,
        )
