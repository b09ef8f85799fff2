"""The root subscription, over WebSocket with the graphql-transport-ws protocol."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from api.resolvers.migration_progress import subscribe_migration_progress
from api.resolvers.overview_changes import subscribe_overview_changes
from api.schema.migration import MigrationAdministrationType, MigrationType


@strawberry.type
class Subscription:
    """Live updates; authenticate with {"Authorization": "Bearer <token>"} in connection_init."""

    migration_progress: AsyncGenerator[MigrationType, None] = strawberry.subscription(
        resolver=subscribe_migration_progress,
        description=(
            "Superusers and partners of either side: the offer each time a status or the "
            "progress of a move changes, until every administration has ended."
        ),
    )
    overview_changes: AsyncGenerator[MigrationAdministrationType, None] = strawberry.subscription(
        resolver=subscribe_overview_changes,
        description=(
            "Superusers and partners: every row of your offered and receivable overviews that "
            "changes (status, progress, expiry, recipients...), as the overviews show it to you, "
            "until the socket closes, starting with the rows whose status changed in the minute "
            "before. One subscription for every move."
        ),
    )
