"""A wrong transfer code entered in the viewer's office, for its superusers to look into."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from api.identity import CACHE_ID
from api.ids import encode_global_id
from api.schema.enums import TokenScopeEnum
from models import AuditEvent


@strawberry.type
class FailedCodeAttempt:
    """Who entered a wrong code, when, and through which token; the code itself is masked."""

    id: strawberry.ID = strawberry.field(description=CACHE_ID)
    at: datetime
    actor_name: str = strawberry.field(description="The user who entered the code.")
    entered_code: str = strawberry.field(
        description="The first characters of what was entered, the rest masked."
    )
    token_scope: TokenScopeEnum | None
    token_label: str | None = strawberry.field(description="The label of the token used.")

    @classmethod
    def from_model(cls, event: AuditEvent) -> Self:
        """The attempt as its audit event recorded it; that event's row is its identity."""
        detail = event.detail or {}
        return cls(
            id=strawberry.ID(encode_global_id("FailedCodeAttempt", event.pk)),
            at=event.at,
            actor_name=event.actor_name,
            entered_code=str(detail.get("entered") or "…"),
            token_scope=detail.get("tokenScope"),
            token_label=detail.get("tokenLabel"),
        )
