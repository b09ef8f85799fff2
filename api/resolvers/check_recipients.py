"""checkRecipients: the offer wizard checks each recipient as the user completes it (rule 7)."""

from __future__ import annotations

import strawberry

from api.context import Context
from api.ids import encode_composite_id
from api.permissions import superusers_only
from api.resolvers.offer_migration import check_recipient_input
from api.schema.offering import CheckedRecipient, CheckRecipientsInput, CheckRecipientsPayload
from api.schema.user_errors import user_error_of
from models.offering import recipient_address


async def check_recipients(
    info: strawberry.Info, input: CheckRecipientsInput
) -> CheckRecipientsPayload:
    """What offerMigration would say of these recipients, counted against the same limit."""
    ctx: Context = info.context
    if refusal := superusers_only(ctx.viewer, "check recipients"):
        return CheckRecipientsPayload(user_errors=[user_error_of(refusal)])
    checked = await check_recipient_input(ctx, input.recipients)
    viewer = ctx.viewer.pk
    return CheckRecipientsPayload(
        recipients=[
            CheckedRecipient(
                id=strawberry.ID(
                    encode_composite_id("CheckedRecipient", viewer, recipient_address(entry))
                ),
                address=entry,
                accepted=accepted,
            )
            for entry, accepted in zip(input.recipients, checked.accepted, strict=True)
        ],
        user_errors=checked.errors,
    )
