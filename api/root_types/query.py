"""The root query: every field is scoped to the viewer's environment by its resolver."""

from __future__ import annotations

import strawberry
from strawberry import relay

from api.pagination import Connection
from api.resolvers.administrations import resolve_accounting_connections, resolve_administrations
from api.resolvers.api_tokens import resolve_api_tokens
from api.resolvers.billable_lines import resolve_billable_lines
from api.resolvers.code_attempts import resolve_failed_code_attempts
from api.resolvers.documents import resolve_documents
from api.resolvers.migrations import resolve_migration
from api.resolvers.node import resolve_node
from api.resolvers.offer_checklist import resolve_offer_checklist
from api.resolvers.offered_administrations import resolve_offered_administrations
from api.resolvers.receivable_administrations import resolve_receivable_administrations
from api.resolvers.recipient_checks import resolve_recipient_checks
from api.resolvers.terms import resolve_terms
from api.resolvers.transfer_code_preview import resolve_transfer_code_preview
from api.resolvers.viewer import resolve_viewer
from api.resolvers.webhook_endpoints import resolve_webhook_endpoints
from api.schema.administration import AccountingConnectionType, AdministrationType
from api.schema.billing import BillableLineType
from api.schema.code_attempt import FailedCodeAttempt
from api.schema.document import DocumentType
from api.schema.environment import Viewer
from api.schema.migration import MigrationType
from api.schema.offering import AdministrationChecklist
from api.schema.overview import MigrationAdministrationOverview
from api.schema.receiving import TransferCodePreviewResult
from api.schema.recipient_check import RecipientCheckRecord
from api.schema.terms import Terms
from api.schema.token import ApiTokenType
from api.schema.webhooks import WebhookEndpointType


@strawberry.type
class Query:
    """What a signed-in user can read.

    Every root field is nullable, so a field the token may not use is null with its own error
    and never nulls the rest of the answer (a non-null field's error would take `data` with it).
    """

    viewer: Viewer | None = strawberry.field(
        resolver=resolve_viewer, description="The user behind the token and their environment."
    )
    node: relay.Node | None = strawberry.field(
        resolver=resolve_node, description="Any object by its global ID, if it is yours to see."
    )
    accounting_connections: Connection[AccountingConnectionType] | None = strawberry.field(
        resolver=resolve_accounting_connections,
        description="Your environment's links to accounting packages.",
    )
    administrations: Connection[AdministrationType] | None = strawberry.field(
        resolver=resolve_administrations,
        description="Your environment's administrations; search matches code or name.",
    )
    documents: Connection[DocumentType] | None = strawberry.field(
        resolver=resolve_documents,
        description="The archive of one of your administrations, newest first; null if not yours.",
    )
    api_tokens: Connection[ApiTokenType] | None = strawberry.field(
        resolver=resolve_api_tokens, description="Your own API tokens, newest first."
    )
    webhook_endpoints: Connection[WebhookEndpointType] | None = strawberry.field(
        resolver=resolve_webhook_endpoints,
        description=(
            "Superusers and read-only tokens: the office's webhook endpoints, newest first, "
            "each with its delivery log."
        ),
    )
    offer_checklist: Connection[AdministrationChecklist] | None = strawberry.field(
        resolver=resolve_offer_checklist,
        description="Superusers: the administrations of a connection with every offer check.",
    )
    offered_administrations: MigrationAdministrationOverview | None = strawberry.field(
        resolver=resolve_offered_administrations,
        description=(
            "Superusers: every administration your environment offered, newest first. The search "
            "matches date, name, code, inbound address, transfer code, recipients, target office "
            "and status, each only when your token may read it."
        ),
    )
    migration: MigrationType | None = strawberry.field(
        resolver=resolve_migration,
        description="Superusers: one offer of or to your environment, with its audit trail.",
    )
    terms: Terms | None = strawberry.field(
        resolver=resolve_terms,
        description=(
            "The terms for migrating administrations, shown before offering and before "
            "receiving: their version (send it as termsVersion) and their text in Dutch and "
            "English."
        ),
    )
    transfer_code_preview: TransferCodePreviewResult | None = strawberry.field(
        resolver=resolve_transfer_code_preview,
        description=(
            "Superusers: what a transfer code offers and whether you can receive it, or why the "
            "code opens nothing, typed in userErrors. Every wrong code counts against your "
            "attempts; the right code of an offer with nothing left to receive says why and "
            "does not."
        ),
    )
    receivable_administrations: MigrationAdministrationOverview | None = strawberry.field(
        resolver=resolve_receivable_administrations,
        description=(
            "Superusers: administrations offered to your environment, and those you received or "
            "rejected, newest first. The search matches date, name, code, inbound address (not "
            "for read-only tokens), package, source office, the code you chose when receiving "
            "and status."
        ),
    )
    failed_code_attempts: Connection[FailedCodeAttempt] | None = strawberry.field(
        resolver=resolve_failed_code_attempts,
        description=(
            "Superusers: wrong transfer codes entered from your environment, newest first, "
            "with who, when and which token; the codes masked."
        ),
    )
    recipient_checks: Connection[RecipientCheckRecord] | None = strawberry.field(
        resolver=resolve_recipient_checks,
        description=(
            "Superusers: every address your environment's users looked up as an offer's "
            "recipient, newest first, with who and when."
        ),
    )
    billable_lines: Connection[BillableLineType] | None = strawberry.field(
        resolver=resolve_billable_lines,
        description=(
            "Superusers: what your environment is charged, one line per administration moved in, "
            "newest first."
        ),
    )
