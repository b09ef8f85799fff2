"""The checklist step of the offer screen: per administration, what blocks offering it."""

from __future__ import annotations

import strawberry

from api.errors import BadInputError
from api.ids import decode_global_id, encode_global_id
from api.pagination import Connection, fetch_page
from api.permissions import Sight
from api.resolvers.administrations import BY_NAME_AND_CODE
from api.schema.administration import AdministrationType
from api.schema.offering import AdministrationChecklist
from models import AccountingConnection, Administration
from models.offering import check_offerable, offer_recheck
from models.refusals import RefusalCode


async def resolve_offer_checklist(
    info: strawberry.Info,
    connection_id: strawberry.ID,
    first: int | None = None,
    after: str | None = None,
) -> Connection[AdministrationChecklist]:
    """The administrations of one of the viewer's connections, each as check_offerable judges it."""
    ctx = info.context
    ctx.require(Sight.OFFER_CHECKS)
    pk = decode_global_id(connection_id, "AccountingConnection")
    connection = (
        await AccountingConnection.get_or_none(pk=pk, environment_id=ctx.environment_id)
        if pk
        else None
    )
    if connection is None:
        raise BadInputError("'connectionId' is not one of your accounting connections.")
    page = await fetch_page(
        Administration.filter(connection_id=connection.pk),
        order=BY_NAME_AND_CODE,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
    )
    recheck = offer_recheck(ctx.files)
    ids = [row.pk for row in page.rows]
    checks = await check_offerable(ctx.environment_id, ids, recheck, now=ctx.clock.now())
    nodes = []
    for row, offerable in zip(page.rows, checks, strict=True):
        check = offerable.checklist
        assert check is not None  # each row is one of the office's administrations
        nodes.append(
            AdministrationChecklist(
                id=strawberry.ID(encode_global_id("AdministrationChecklist", row.pk)),
                administration=AdministrationType.from_model(row),
                can_be_offered=offerable.can_be_offered,
                package_is_migratable=not offerable.refused(RefusalCode.NOT_MIGRATABLE),
                already_offered=offerable.refused(RefusalCode.ALREADY_OFFERED),
                no_authorizers=check.authorizers_in_flow == 0,
                authorizers_in_flow=check.authorizers_in_flow,
                no_active_workflow=check.active_workflows == 0,
                active_workflows=check.active_workflows,
                all_documents_settled=check.pending_documents == 0,
                pending_documents=check.pending_documents,
                all_files_intact=check.damaged_files == 0,
                damaged_files=check.damaged_files,
            )
        )
    return page.connection(nodes)
