"""The file check: re-reads every stored file at a set rate to find bytes damaged at rest.

A move verified from the store's listing proves each object is there with its recorded size
and MD5, but neither a listing nor a HEAD notices bytes that rotted after the upload: the store
keeps answering with the checksum it computed then. So this job reads each document's file
back, round after round, and compares its SHA-256 with the one recorded when it was stored.
Damage it finds is recorded on the document, shown on its administration, and keeps the
administration from being offered or moved; a file restored since is cleared on the next
round. Any number of workers share the round: each takes the next batch with a
compare-and-set on the round's position, so no file is checked twice in a round and nothing
waits for a lock; a batch the store could not answer for is given back.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from models import Document, ScrubRound
from models.scrub_round import ROUND_ID
from overdracht.clock import Clock
from overdracht.filestore import FileProblem, FileStore, StoreUnavailable
from overdracht.metrics import FILES_SCRUBBED
from overdracht.settings import Settings
from overdracht.storage import open_file_store
from worker.runner import LeasedQueue

# A store that is down is asked again after this long, not at the job's full rate.
OUTAGE_PAUSE_SECONDS = 30.0
# The shortest time between the end of one round and the start of the next: a small archive
# is not read over and over, and the log says a round ended at most this often.
ROUND_PAUSE = timedelta(hours=1)
# How long an idle job waits before it asks again whether the next round may start.
IDLE_PAUSE_SECONDS = 60.0


@dataclass(frozen=True)
class Batch:
    """The next documents of the round, taken by moving the round's position past them."""

    documents: list[Document]
    after: int  # the position before: where the batch goes back to
    round: int


@dataclass(frozen=True)
class RoundEnd:
    """The position passed the last document: the round is over once this is recorded."""

    after: int
    round: int


@dataclass(frozen=True)
class ScrubReport:
    """What one step of the round did: files checked, damage newly recorded, damage that went
    away, or the round ended. `round` counts the rounds from 1."""

    round: int
    checked: int = 0
    damaged: int = 0
    restored: int = 0
    round_completed: bool = False


async def _round() -> ScrubRound:
    """The one row of the round, created by whichever worker gets there first."""
    found = await ScrubRound.get_or_none(pk=ROUND_ID)
    if found is not None:
        return found
    try:
        return await ScrubRound.create(id=ROUND_ID)
    except IntegrityError:
        return await ScrubRound.get(pk=ROUND_ID)


class Scrubber(LeasedQueue[Batch | RoundEnd, ScrubReport]):
    """Checks stored files a batch at a time; run it on one worker or on all of them."""

    log = logging.getLogger("overdracht.scrubbing")
    work_name = "file check"
    error_pause = OUTAGE_PAUSE_SECONDS

    def __init__(
        self, settings: Settings, clock: Clock, files: FileStore, *, batch_size: int | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.files = files
        self.rate = settings.scrub_files_per_second
        self.batch_size = batch_size or max(1, math.ceil(self.rate))

    async def take(self) -> list[Batch | RoundEnd]:
        """The next batch of the round, or the end of the round; none while the rounds rest."""
        while True:
            state = await _round()
            after = state.after_document_id
            last_ended = state.last_round_completed_at
            now = self.clock.now()
            if after == 0 and last_ended is not None and now - last_ended < ROUND_PAUSE:
                return []
            number = state.rounds_completed + 1
            batch = (
                await Document.filter(id__gt=after)
                .order_by("id")
                .limit(self.batch_size)
                .only("id", "title", "administration_id", "storage_key", "sha256", "damage")
            )
            if not batch:
                return [RoundEnd(after, number)]
            if await ScrubRound.filter(pk=ROUND_ID, after_document_id=after).update(
                after_document_id=batch[-1].pk, round_started_at=state.round_started_at or now
            ):
                return [Batch(list(batch), after, number)]
            # Another worker took that batch first: look again from where it left the round.

    async def run(self, job: Batch | RoundEnd) -> ScrubReport:
        """Check a batch's files and record what is wrong with them, or end the round."""
        if isinstance(job, RoundEnd):
            return await self._end(job)
        found: dict[str, FileProblem | None] = {}
        for document in job.documents:
            if document.storage_key not in found:
                found[document.storage_key] = await self.files.diagnose(
                    document.storage_key, document.sha256
                )
        FILES_SCRUBBED.inc(len(found))
        return await self._record(job, found)

    async def hand_back(self, job: Batch | RoundEnd) -> None:
        """A batch the store could not answer for goes back to be checked again."""
        if isinstance(job, Batch):
            await ScrubRound.filter(pk=ROUND_ID, after_document_id=job.documents[-1].pk).update(
                after_document_id=job.after
            )

    def name(self, job: Batch | RoundEnd) -> str:
        """A step of the round as the log names it."""
        if isinstance(job, RoundEnd):
            return f"file check: the end of round {job.round}"
        return f"file check: a batch of {len(job.documents)} files"

    def fault(self, error: Exception) -> str | None:
        """An outage says nothing about the files: their batch is checked again later."""
        if isinstance(error, StoreUnavailable):
            return "paused: the file store does not answer"
        return None

    def pause(self, outcomes: Sequence[ScrubReport | None]) -> float:
        """At the set rate while files are checked; a store that is down is asked again after
        a while, and a round that ended rests."""
        if not outcomes:
            return IDLE_PAUSE_SECONDS
        if any(outcome is None for outcome in outcomes):
            return OUTAGE_PAUSE_SECONDS
        pause = self.batch_size / self.rate
        if not any(outcome.checked for outcome in outcomes if outcome is not None):
            return max(pause, 1.0)  # an empty store, or the end of a round
        return pause

    async def _end(self, job: RoundEnd) -> ScrubReport:
        """Record the end of the round, if no other worker did."""
        ended = await ScrubRound.filter(pk=ROUND_ID, after_document_id=job.after).update(
            after_document_id=0,
            round_started_at=None,
            rounds_completed=F("rounds_completed") + 1,
            last_round_completed_at=self.clock.now(),
        )
        if ended and job.after:
            self.log.info("file check: a round of every stored file is complete")
        return ScrubReport(round=job.round, round_completed=bool(ended and job.after))

    async def _record(self, batch: Batch, found: dict[str, FileProblem | None]) -> ScrubReport:
        """Write down new damage and clear damage that is gone; log each for the operator."""
        now = self.clock.now()
        damaged = restored = 0
        for document in batch.documents:
            problem = found[document.storage_key]
            if problem is not None and document.damage != problem:
                await Document.filter(pk=document.pk).update(damage=problem, damage_found_at=now)
                damaged += 1
                self.log.warning(
                    "file check: the file of document %s (%r, administration %s) is %s",
                    document.pk,
                    document.title,
                    document.administration_id,
                    problem.value.lower(),
                )
            elif problem is None and document.damage is not None:
                await Document.filter(pk=document.pk).update(damage=None, damage_found_at=None)
                restored += 1
                self.log.info("file check: the file of document %s is intact again", document.pk)
        return ScrubReport(
            round=batch.round, checked=len(batch.documents), damaged=damaged, restored=restored
        )


async def scrub_loop(settings: Settings, clock: Clock, stop: asyncio.Event) -> None:
    """The file check as a background loop of `overdracht serve` and `overdracht worker`."""
    if settings.scrub_files_per_second <= 0:
        await stop.wait()  # switched off: idle, so readiness still sees the loop alive
        return
    await Scrubber(settings, clock, open_file_store(settings)).run_forever(stop)
