"""The queue of moves: a worker takes the oldest queued move under a lease and carries it out.

A move checks again what the offer and the receiving checked (worker/move_checks.py), verifies
every file in batches while reporting progress (worker/verification.py) and changes ownership
in one short transaction at the end (worker/ownership.py), so nobody ever sees a half-moved
administration and a failure or a killed worker leaves the source exactly as it was (rule 13).
Several workers share the queue; a taken move carries a lease and an attempt number that fence
off a worker that lost its lease, and a worker whose database went away hands its move back at
once instead of letting the next one wait for the lease.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from tortoise.exceptions import OperationalError
from tortoise.expressions import Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models import Document, MigrationAdministration, lifecycle
from models.enums import MigrationStatus
from models.lifecycle import Change
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.db_faults import is_connection_lost, retrying
from overdracht.filestore import FileStore
from overdracht.settings import Settings
from overdracht.storage import open_file_store
from worker.move import HeldMove, MoveFailed, Parties
from worker.move_checks import check_preconditions
from worker.ownership import Handover
from worker.runner import LeasedQueue
from worker.verification import Progress, Verifier

# The advisory lock that serialises taking moves on PostgreSQL ("MV").
TAKE_LOCK = 0x4D56


class Mover(LeasedQueue[HeldMove, MigrationStatus]):
    """Moves administrations; run several, in one process or many, on PostgreSQL."""

    log = logging.getLogger("overdracht.mover")
    work_name = "move engine"
    # A move can take minutes: a stopping worker rolls it back and hands it on at once.
    abandon_on_stop = True

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        files: FileStore,
        *,
        batch_size: int | None = None,
        lease: timedelta | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.files = files
        self.lease = lease or settings.move_lease
        self.verifier = Verifier(settings, files, batch_size or settings.move_batch_size)
        self.handover = Handover(settings, clock, files, self.lease)

    async def take(self) -> list[HeldMove]:
        """The next move (`next_move`), under a fresh lease."""
        async with in_transaction() as connection:
            if is_postgres():
                # One take at a time, so two workers never both see an office below its share
                # and together start more; a take is one short transaction per move.
                await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [TAKE_LOCK])
            now = self.clock.now()  # after the wait for the lock, so the lease is whole
            query = next_move(now, self.settings)
            if is_postgres():
                query = query.select_for_update(skip_locked=True)
            candidate = await query.first()
            if candidate is None:
                return []
            change = Change(
                self.settings, now, actor_environment_id=candidate.target_environment_id
            )
            attempt = await lifecycle.start(change, candidate, lease_until=now + self.lease)
        return [] if attempt is None else [HeldMove(candidate.pk, attempt)]

    async def run(self, held: HeldMove) -> MigrationStatus:
        """The move itself: completed, or failed with its reason recorded."""
        parties = await Parties.of(held.item_id)
        try:
            await check_preconditions(parties, self.files)
            total = await Document.filter(administration_id=parties.administration.pk).count()
            await self._heartbeat(held, documents_total=total, documents_done=0)
            verifying = self.verifier.verify(
                held, parties.administration.pk, total, self._progress(held)
            )
            if is_postgres():
                await self.handover.complete_while_verifying(held, parties, verifying)
            else:
                await self.handover.complete(held, parties, await verifying)
            return MigrationStatus.COMPLETED
        except MoveFailed as failed:
            self.log.warning("move of item %s failed: %s", held.item_id, failed)
            await self._fail(held, parties, failed)
            return MigrationStatus.FAILED

    async def hand_back(self, held: HeldMove) -> None:
        """End this worker's lease at once; the database that just failed gets a fresh
        connection or two for it."""
        lease = held.lease(self.clock, self.lease)
        await retrying(lease.expire_now, what="handing a move back")

    def name(self, held: HeldMove) -> str:
        """A move as the log names it."""
        return f"move of item {held.item_id}"

    def fault(self, error: Exception) -> str | None:
        """The database went away (a terminated connection, a failover, a restart) or a lock
        was not granted within a lease: everything rolled back, and the move is handed back
        for this or another worker to redo now, not when its lease ends."""
        return "interrupted by the database" if _database_interrupted(error) else None

    async def _heartbeat(self, held: HeldMove, **changes: object) -> None:
        """Save progress and extend the lease, if this worker still holds the move; a report
        of documents done is timed, so the move's pace is known (models.offers.move_pace)."""
        if "documents_done" in changes:
            changes["progress_at"] = self.clock.now()
        await held.lease(self.clock, self.lease).keep(**changes)

    def _progress(self, held: HeldMove) -> Progress:
        async def progress(done: int) -> None:
            await self._heartbeat(held, documents_done=done)

        return progress

    async def _fail(self, held: HeldMove, parties: Parties, failed: MoveFailed) -> None:
        """Record why the move failed; the source was not changed, so it can be retried."""
        async with in_transaction():
            await lifecycle.fail(
                parties.step(self.settings, self.clock),
                parties.migration,
                parties.item,
                held.attempt,
                failed.failure,
                str(failed),
            )


def next_move(now: datetime, settings: Settings) -> QuerySet[MigrationAdministration]:
    """Which move a worker takes next, fair between offices: the oldest it may take
    (lifecycle.startable) of a receiving office running fewer moves than its share
    (OVERDRACHT_MOVES_PER_OFFICE), so one office's takeover never keeps another's move waiting.

    One statement: the offices at their share are a subquery of the moves whose lease is held.
    """
    at_share = (
        MigrationAdministration.filter(status=MigrationStatus.RUNNING, lease_until__gt=now)
        .group_by("target_environment_id")
        .annotate(running=Count("id"))
        .filter(running__gte=settings.moves_per_office)
        .values_list("target_environment_id", flat=True)
    )
    return (
        MigrationAdministration.filter(lifecycle.startable(now, settings.move_start_delay))
        .exclude(target_environment_id__in=Subquery(at_share))
        .order_by("id")
        .limit(1)
    )


def _database_interrupted(error: BaseException) -> bool:
    """A fault of the database, whether Tortoise wrapped it or the driver's own error slipped
    through (a rollback on a terminated connection raises asyncpg's InterfaceError as it is);
    never the file store's errors, which are OSErrors too."""
    return isinstance(error, OperationalError) or is_connection_lost(error)


async def mover_loop(settings: Settings, clock: Clock, stop: asyncio.Event) -> None:
    """The moves as a background loop of `overdracht serve` and `overdracht worker`."""
    await Mover(settings, clock, open_file_store(settings)).run_forever(stop)
