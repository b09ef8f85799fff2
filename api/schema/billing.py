"""The charges to the receiving office: one billable line per administration moved (rule 8)."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry
from strawberry import relay

from api.schema.migration import MigrationAdministrationType, MigrationType
from models import BillableLine, MigrationAdministration


@strawberry.type(name="BillableLine")
class BillableLineType(relay.Node):
    """One charge, recorded when the move of one administration completed."""

    id: relay.NodeID[int]
    description: str
    amount: str = strawberry.field(description="A decimal amount with two decimals, as text.")
    currency: str = strawberry.field(description="ISO 4217 code, for example EUR.")
    created_at: datetime = strawberry.field(description="When the move completed.")
    accepted_by_name: str = strawberry.field(description="Who accepted the costs when receiving.")
    item: strawberry.Private[MigrationAdministration]
    migration_id: strawberry.Private[int]

    @strawberry.field(description="The administration moved, as it was offered.")
    async def administration(self, info: strawberry.Info) -> MigrationAdministrationType:
        ctx = info.context
        migration = await ctx.loaders.migration.load(self.migration_id)
        return MigrationAdministrationType.from_model(self.item, migration, ctx)

    @strawberry.field(description="The offer it came in.")
    async def migration(self, info: strawberry.Info) -> MigrationType:
        migration = await info.context.loaders.migration.load(self.migration_id)
        return MigrationType.from_model(migration, info.context)

    @classmethod
    def from_model(cls, line: BillableLine) -> Self:
        """Convert a line fetched with its item."""
        return cls(
            id=line.pk,
            description=line.description,
            amount=f"{line.amount:.2f}",
            currency=line.currency,
            created_at=line.created_at,
            accepted_by_name=line.accepted_by_name,
            item=line.item,
            migration_id=line.item.migration_id,
        )
