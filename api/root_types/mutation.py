"""The root mutation: one input each, a payload back, and no read-only tokens."""

from __future__ import annotations

import strawberry

from api.permissions import mutation
from api.resolvers.check_recipients import check_recipients
from api.resolvers.claim_migration import claim_migration
from api.resolvers.correct_offer import (
    change_migration_recipients,
    extend_migration,
    resend_migration_offer,
)
from api.resolvers.create_api_token import create_api_token
from api.resolvers.create_webhook_endpoint import create_webhook_endpoint
from api.resolvers.delete_webhook_endpoint import delete_webhook_endpoint
from api.resolvers.offer_migration import offer_migration
from api.resolvers.redeliver_webhook_event import redeliver_webhook_event
from api.resolvers.reject_migration import reject_migration
from api.resolvers.release_migration import cancel_migration, give_up_migration
from api.resolvers.reschedule_move import reschedule_move
from api.resolvers.retry_migration import retry_migration
from api.resolvers.revoke_api_token import revoke_api_token
from api.resolvers.rotate_webhook_endpoint_secret import rotate_webhook_endpoint_secret
from api.resolvers.update_webhook_endpoint import update_webhook_endpoint
from api.resolvers.withdraw_migration import withdraw_migration
from api.schema.offering import (
    ChangeMigrationRecipientsPayload,
    CheckRecipientsPayload,
    ExtendMigrationPayload,
    OfferMigrationPayload,
    ResendMigrationOfferPayload,
    WithdrawMigrationPayload,
)
from api.schema.receiving import (
    CancelMigrationPayload,
    ClaimMigrationPayload,
    GiveUpMigrationPayload,
    RejectMigrationPayload,
    RescheduleMovePayload,
    RetryMigrationPayload,
)
from api.schema.token import CreateApiTokenPayload, RevokeApiTokenPayload
from api.schema.webhooks import (
    CreateWebhookEndpointPayload,
    DeleteWebhookEndpointPayload,
    RedeliverWebhookEventPayload,
    RotateWebhookEndpointSecretPayload,
    UpdateWebhookEndpointPayload,
)


@strawberry.type
class Mutation:
    """What a signed-in user with a full token can change."""

    create_api_token: CreateApiTokenPayload = mutation(
        resolver=create_api_token,
        description="Issue a token for yourself (superusers); the secret is shown only here.",
    )
    revoke_api_token: RevokeApiTokenPayload = mutation(
        resolver=revoke_api_token, description="Revoke one of your tokens."
    )
    create_webhook_endpoint: CreateWebhookEndpointPayload = mutation(
        resolver=create_webhook_endpoint,
        description=(
            "Superusers: post the office's events of these types to a URL, signed as the "
            "Standard Webhooks specification says; the signing secret is shown only here."
        ),
    )
    update_webhook_endpoint: UpdateWebhookEndpointPayload = mutation(
        resolver=update_webhook_endpoint,
        description="Superusers: change an endpoint's URL or events, or disable or enable it.",
    )
    delete_webhook_endpoint: DeleteWebhookEndpointPayload = mutation(
        resolver=delete_webhook_endpoint,
        description="Superusers: delete an endpoint with its delivery log.",
    )
    rotate_webhook_endpoint_secret: RotateWebhookEndpointSecretPayload = mutation(
        resolver=rotate_webhook_endpoint_secret,
        description=(
            "Superusers: a new signing secret, shown only here; the old one still signs for "
            "24 hours."
        ),
    )
    redeliver_webhook_event: RedeliverWebhookEventPayload = mutation(
        resolver=redeliver_webhook_event,
        description="Superusers: send a delivery of the log again, with the same event id.",
    )
    check_recipients: CheckRecipientsPayload = mutation(
        resolver=check_recipients,
        description=(
            "Superusers: check recipients as they are typed in the offer wizard, with the codes "
            "and messages offerMigration gives; each different address counts against the same "
            "hourly limit on recipient lookups (TOO_MANY_RECIPIENT_CHECKS with retryAt)."
        ),
    )
    offer_migration: OfferMigrationPayload = mutation(
        resolver=offer_migration,
        description="Superusers: offer administrations to another environment, with a code.",
    )
    withdraw_migration: WithdrawMigrationPayload = mutation(
        resolver=withdraw_migration,
        description=(
            "Superusers: withdraw an offer, or one administration of it, before its move or "
            "after it failed."
        ),
    )
    change_migration_recipients: ChangeMigrationRecipientsPayload = mutation(
        resolver=change_migration_recipients,
        description="Superusers: new recipients (of the same office) for an offer that stands.",
    )
    resend_migration_offer: ResendMigrationOfferPayload = mutation(
        resolver=resend_migration_offer,
        description="Superusers: send the offer mail with the transfer code again.",
    )
    extend_migration: ExtendMigrationPayload = mutation(
        resolver=extend_migration,
        description="Superusers: a later expiry, at most the offer validity from now.",
    )
    claim_migration: ClaimMigrationPayload = mutation(
        resolver=claim_migration,
        description="Superusers of a PREMIUM environment: receive administrations with a code.",
    )
    reject_migration: RejectMigrationPayload = mutation(
        resolver=reject_migration,
        description="Superusers: decline offered administrations; the sender is told.",
    )
    retry_migration: RetryMigrationPayload = mutation(
        resolver=retry_migration,
        description="Superusers of either side: start a failed move again.",
    )
    cancel_migration: CancelMigrationPayload = mutation(
        resolver=cancel_migration,
        description="Superusers of the target: cancel a move not yet started; nothing is charged.",
    )
    give_up_migration: GiveUpMigrationPayload = mutation(
        resolver=give_up_migration,
        description="Superusers of the target: give up a failed move; the books are released.",
    )
    reschedule_move: RescheduleMovePayload = mutation(
        resolver=reschedule_move,
        description=(
            "Superusers of the target: change or clear the moment a queued move must not start "
            "before (notBefore); refused once the move has started (MOVE_STARTED)."
        ),
    )
