"""One move as a worker holds it: which administration, under which attempt, between whom, and
how it fails."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from models import (
    AccountingConnection,
    Administration,
    Environment,
    Migration,
    MigrationAdministration,
)
from models.enums import MoveFailure
from models.lifecycle import Change, running
from overdracht.clock import Clock
from overdracht.filestore import FileProblem, StoreUnavailable
from overdracht.lease import Lease
from overdracht.settings import Settings


class MoveFailed(Exception):
    """The move cannot complete: a reason code for screens, and a message for people."""

    def __init__(self, failure: MoveFailure, message: str) -> None:
        super().__init__(message)
        self.failure = failure


# How a file the store cannot give back as it was stored fails the move, and how it is said.
FILE_FAILURE: dict[FileProblem, tuple[MoveFailure, str]] = {
    FileProblem.MISSING: (MoveFailure.FILE_MISSING, "is missing from the file store"),
    FileProblem.UNREADABLE: (MoveFailure.FILE_UNREADABLE, "cannot be read from the file store"),
    FileProblem.DAMAGED: (MoveFailure.FILE_DAMAGED, "is damaged: its bytes no longer match"),
}


def store_unavailable(outage: StoreUnavailable) -> MoveFailed:
    """An outage of the file store: nothing is known to be wrong with the files; retry later."""
    return MoveFailed(
        MoveFailure.STORAGE_UNAVAILABLE,
        f"The files could not be checked: {outage}. Nothing was moved; retry the move once "
        "the file store answers again.",
    )


@dataclass(frozen=True)
class HeldMove:
    """A move this worker holds under its lease: the item, and the attempt that fences it."""

    item_id: int
    attempt: int

    def lease(self, clock: Clock, length: timedelta) -> Lease:
        """The lease on this move: held while the item is RUNNING under this attempt."""
        return Lease(MigrationAdministration, running(self.item_id, self.attempt), clock, length)


@dataclass(frozen=True)
class Parties:
    """Everything a move needs to know about where it comes from and goes to."""

    item: MigrationAdministration
    migration: Migration
    administration: Administration
    source: Environment
    target: Environment
    connection: AccountingConnection | None

    @classmethod
    async def of(cls, item_id: int) -> Parties:
        """The parties of a move as they are now."""
        item = await MigrationAdministration.get(pk=item_id).select_related("migration")
        return cls(
            item=item,
            migration=item.migration,
            administration=await Administration.get(pk=item.administration_id),
            source=await Environment.get(pk=item.migration.source_environment_id),
            target=await Environment.get(pk=item.target_environment_id),
            connection=await AccountingConnection.get_or_none(pk=item.target_connection_id),
        )

    def step(self, settings: Settings, clock: Clock) -> Change:
        """A step of the move, taken by Overdracht on behalf of the receiving office."""
        return Change(settings, clock.now(), actor_environment_id=self.target.pk)
