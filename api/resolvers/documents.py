"""An administration's archive, for users of the environment that owns it."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.errors import BadInputError
from api.ids import decode_global_id
from api.pagination import BigInt, Connection, Order, paginate
from api.permissions import Column, Listing, Sight
from api.schema.document import DocumentType
from api.schema.enums import DocumentStatusEnum
from models import Administration, Document

NEWEST_FIRST = Order(("-created_at", datetime), ("-id", BigInt))


async def resolve_documents(
    info: strawberry.Info,
    administration_id: strawberry.ID,
    status: DocumentStatusEnum | None = None,
    file_problem_only: bool = False,
    first: int | None = None,
    after: str | None = None,
) -> Connection[DocumentType] | None:
    """Documents of one of the viewer's administrations; null for anyone else's.

    `fileProblemOnly` lists only those whose stored file the file check found wanting.
    """
    ctx = info.context
    ctx.require(Sight.DOCUMENTS)
    pk = decode_global_id(administration_id, "Administration")
    if pk is None:
        raise BadInputError("'administrationId' is not the ID of an administration.")
    if status is not None:
        ctx.require_column(Listing.DOCUMENTS, Column.STATUS)
    if file_problem_only:
        ctx.require_column(Listing.DOCUMENTS, Column.FILE_PROBLEM)
    owned = await Administration.exists(pk=pk, environment_id=ctx.environment_id)
    if not owned:
        return None
    query = Document.filter(administration_id=pk)
    if status is not None:
        query = query.filter(status=status)
    if file_problem_only:
        query = query.filter(damage__not_isnull=True)
    return await paginate(
        query,
        order=NEWEST_FIRST,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=DocumentType.from_model,
    )
