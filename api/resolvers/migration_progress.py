"""Live progress of an offer's moves, for the superusers (and partners) of both sides.

A subscriber reads the offer's state once, then waits: for news from PostgreSQL about its
offer, or for the next moment the clock alone changes what it sees (an offer's expiry). Only
then does it read again, and it sends the offer only when what it shows changed. SQLite and
`OVERDRACHT_PROGRESS_UPDATES=poll` read every `progress_poll_interval` instead.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import strawberry

from api.change_news import migration_subject
from api.context import Context
from api.errors import PublicError
from api.ids import decode_global_id
from api.live_messages import LiveEvent, shared_node
from api.permissions import Sight
from api.resolvers.migrations import involved
from api.schema.migration import MigrationType
from models import Migration, MigrationAdministration
from models.enums import MigrationStatus

ENDED = frozenset(
    {
        MigrationStatus.WITHDRAWN,
        MigrationStatus.EXPIRED,
        MigrationStatus.REJECTED,
        MigrationStatus.COMPLETED,
        MigrationStatus.FAILED,
    }
)


@dataclass(frozen=True)
class ProgressState:
    """What a subscriber compares: each item's status, progress (with the moment of its last
    report, which sets the pace) and expiry, read at `now`."""

    snapshot: tuple[Any, ...]
    ended: bool
    # The next moment the clock alone changes a status (an offer expiring), if any.
    next_expiry: datetime | None


def progress_state(items: Sequence[MigrationAdministration], now: datetime) -> ProgressState:
    """The state subscribers see of these items at this moment."""
    statuses = [item.effective_status(now) for item in items]
    snapshot = tuple(
        (
            item.pk,
            status,
            item.documents_done,
            item.documents_total,
            item.progress_at,
            item.expires_at,
        )
        for item, status in zip(items, statuses, strict=True)
    )
    expiries = [
        item.expires_at
        for item, status in zip(items, statuses, strict=True)
        if status == MigrationStatus.OFFERED
    ]
    return ProgressState(
        snapshot=snapshot,
        ended=all(status in ENDED for status in statuses),
        next_expiry=min(expiries, default=None),
    )


class OfferRead(LiveEvent):
    """The offer and its items as one read found them, shared by the subscribers it woke."""

    def __init__(self, row: Migration, items: list[MigrationAdministration]) -> None:
        super().__init__()
        self.row = row
        self.items = items


async def _read(migration_id: int) -> OfferRead:
    """The offer and its items as they are now: everything a progress message shows of them."""
    items = await (
        MigrationAdministration.filter(migration_id=migration_id)
        .order_by("id")
        .select_related("migration")
    )
    return OfferRead(items[0].migration if items else await Migration.get(pk=migration_id), items)


def _offer_node(read: OfferRead, ctx: Context) -> MigrationType:
    """The offer as a message shows it, rendered with loaders that know this read alone."""
    ctx.loaders.migration.prime(read.row.pk, read.row)
    ctx.loaders.items_of_migration.prime(read.row.pk, read.items)
    return MigrationType.from_model(read.row, ctx)


async def subscribe_migration_progress(
    info: strawberry.Info, migration_id: strawberry.ID
) -> AsyncGenerator[MigrationType, None]:
    """Send the offer whenever a status or progress changes, until every administration ended."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    pk = decode_global_id(migration_id, "Migration")
    migration = await Migration.filter(involved(ctx.environment_id), pk=pk).first() if pk else None
    if migration is None:
        raise PublicError("No such offer of or to your environment.", code="NOT_FOUND")
    offer = migration.pk
    subject = migration_subject(offer)
    last: tuple[Any, ...] | None = None
    with ctx.news.watch(subject) as news:
        while True:
            # Subscribers of this process woken by the same news share this read, and those
            # who see it alike one rendering of it.
            read = await ctx.news.read_once(subject, functools.partial(_read, offer))
            state = progress_state(read.items, ctx.clock.now())
            if state.snapshot != last:
                # What it shows at this moment is part of the key: an offer expiring by the
                # clock alone is the same read, rendered anew.
                node = functools.partial(_offer_node, read)
                yield shared_node(read, state.snapshot, ctx, node)
                last = state.snapshot
            if state.ended:
                return
            await news.next_change(
                within=None
                if state.next_expiry is None
                else (state.next_expiry - ctx.clock.now()).total_seconds(),
                poll_every=ctx.settings.progress_poll_interval,
            )
