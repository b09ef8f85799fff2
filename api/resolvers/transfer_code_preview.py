"""The receiving superuser enters a code and sees what is offered and whether they can take it."""

from __future__ import annotations

import strawberry

from api.context import Context
from api.ids import encode_global_id
from api.pagination import Connection, paginate_list
from api.permissions import Sight, refusal
from api.resolvers.administrations import BY_NAME
from api.resolvers.redeem import redeem_for_query
from api.schema.administration import AccountingConnectionType
from api.schema.environment import EnvironmentType
from api.schema.migration import MigrationAdministrationType
from api.schema.receiving import (
    OfferPreview,
    OfferPreviewAdministration,
    Price,
    TransferCodePreviewResult,
)
from api.schema.user_errors import UserError, UserErrorCode, argument_error
from models import AccountingConnection, Migration, MigrationAdministration
from models.plans import can_receive
from models.receiving import ReceivingChoice, check_receiving, note_preview
from models.refusals import RefusalCode


async def resolve_transfer_code_preview(
    info: strawberry.Info, transfer_code: str
) -> TransferCodePreviewResult:
    """What the code offers, or why not: every refusal typed, for the screen to explain."""
    ctx: Context = info.context
    token = ctx.require_token()
    if not ctx.may(Sight.REDEEM_CODES):  # before the code is looked at: no attempt is spent
        refused = argument_error(UserErrorCode.FORBIDDEN, refusal(token, Sight.REDEEM_CODES))
        return TransferCodePreviewResult(user_errors=[refused])
    migration = await redeem_for_query(ctx, transfer_code, "transferCode")
    if isinstance(migration, UserError):
        return TransferCodePreviewResult(user_errors=[migration])
    preview = await _preview(ctx, migration)
    return TransferCodePreviewResult(preview=preview)


async def _preview(ctx: Context, migration: Migration) -> OfferPreview:
    """What the code offers, per administration with the checks of rules 2, 3 and 12."""
    target = ctx.viewer.environment
    now = ctx.clock.now()
    await note_preview(ctx.viewer, migration, now)
    items = await MigrationAdministration.filter(migration_id=migration.pk).order_by("id")
    # The very check a claim runs, without a chosen connection or code.
    checked = await check_receiving(
        target, migration.package, [ReceivingChoice(item) for item in items]
    )
    rows = []
    for index, item in enumerate(items):
        refusals = {refused.code for refused in checked.refusals[index]}
        still_offered = item.is_still_offered(now)
        rows.append(
            OfferPreviewAdministration(
                id=strawberry.ID(encode_global_id("OfferPreviewAdministration", item.pk)),
                administration=MigrationAdministrationType.from_model(item, migration, ctx),
                document_count=item.documents_total,
                can_receive=checked.can_receive(index) and still_offered,
                has_connection_of_package=RefusalCode.NO_CONNECTION_OF_PACKAGE not in refusals,
                duplicate_in_target=RefusalCode.DUPLICATE_IN_TARGET in refusals,
                code_in_use=checked.code_in_use[index],
                still_offered=still_offered,
                item_id=item.pk,
            )
        )
    connections = await AccountingConnection.filter(
        environment_id=target.pk, package=migration.package
    ).order_by("name", "id")
    source = await ctx.loaders.environment.load(migration.source_environment_id)
    assert source is not None  # an offer's source office is a foreign key
    limit = ctx.settings.max_page_size
    return OfferPreview(
        id=strawberry.ID(encode_global_id("OfferPreview", migration.pk)),
        source_office=EnvironmentType.from_model(source),
        package=migration.package,
        offered_at=migration.offered_at,
        expires_at=migration.expires_at,
        requester_name=migration.requester_name,
        target_is_premium=can_receive(target),
        price_per_administration=Price(
            amount=str(ctx.settings.migration_price.amount),
            currency=ctx.settings.migration_price.currency,
        ),
        rows=rows,
        connections=_connections(connections, limit),
    )


def _connections(
    connections: list[AccountingConnection], limit: int
) -> Connection[AccountingConnectionType]:
    return paginate_list(
        connections,
        order=BY_NAME,
        first=limit,
        after=None,
        max_page_size=limit,
        to_node=AccountingConnectionType.from_model,
    )
