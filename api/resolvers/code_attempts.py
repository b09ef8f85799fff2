"""The office's own failed transfer-code attempts, so its superusers can see a guesser (rule 9)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.pagination import BigInt, Connection, Order, paginate
from api.permissions import Sight
from api.schema.code_attempt import FailedCodeAttempt
from models import AuditEvent
from models.enums import AuditAction

NEWEST_FIRST = Order(("-at", datetime), ("-id", BigInt))


async def resolve_failed_code_attempts(
    info: strawberry.Info, first: int | None = None, after: str | None = None
) -> Connection[FailedCodeAttempt]:
    """Every wrong code entered from the viewer's environment, newest first; no other office's."""
    ctx = info.context
    ctx.require(Sight.CODE_ATTEMPTS)
    return await paginate(
        AuditEvent.filter(
            action=AuditAction.CODE_ATTEMPT_FAILED, actor_environment_id=ctx.environment_id
        ),
        order=NEWEST_FIRST,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=FailedCodeAttempt.from_model,
    )
