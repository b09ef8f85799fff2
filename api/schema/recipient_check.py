"""An address a user of the viewer's office looked up as a recipient, for its superusers."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from api.identity import CACHE_ID
from api.ids import encode_global_id
from models import RecipientCheck


@strawberry.type
class RecipientCheckRecord:
    """Who looked up which address as an offer's recipient, and when (rule 7)."""

    id: strawberry.ID = strawberry.field(description=CACHE_ID)
    at: datetime
    actor_name: str = strawberry.field(description="The user who named the address.")
    address: str = strawberry.field(description="The address as it was looked up.")

    @classmethod
    def from_model(cls, check: RecipientCheck) -> Self:
        """The lookup as it was recorded; its row is its identity."""
        return cls(
            id=strawberry.ID(encode_global_id("RecipientCheckRecord", check.pk)),
            at=check.at,
            actor_name=check.actor_name,
            address=check.email,
        )
