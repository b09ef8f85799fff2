"""The file check: re-reads every stored file at a set rate to find bytes damaged at rest.

A move verified from the store's listing proves each object is there with its recorded size
and MD5, but neither a listing nor a HEAD notices bytes that rotted after the upload: the store
keeps answering with the checksum it computed then. So this job reads each document's file
back, round after round, and compares its SHA-256 with the one recorded when it was stored.
Damage it finds is recorded on the document, shown on its administration, and keeps the
administration from being offered or moved; a file restored since is cleared on the next
round. Any number of workers share the round: each takes the next batch with a
compare-and-set, so no file is checked twice in a round and nothing waits for a lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
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

log = logging.getLogger("overdracht.scrubbing")

# A store that is down is asked again after this long, not at the job's full rate.
OUTAGE_PAUSE_SECONDS = 30.0
# The shortest time between the end of one round and the start of the next: a small archive
# is not read over and over, and the log says a round ended at most this often.
ROUND_PAUSE = timedelta(hours=1)
# How long an idle job waits before it asks again whether the next round may start.
IDLE_PAUSE_SECONDS = 60.0
# Files rechecked at once when an offer or a move meets recorded damage; beyond this, the
# rounds of the job do it.
RECHECK_AT_MOST = 50


@dataclass(frozen=True)
class ScrubReport:
    """What one batch found: files checked, damage newly recorded, damage that went away.

    `round` counts the rounds from 1, so a report says which round its batch belonged to.
    """

    round: int
    checked: int = 0
    # Between rounds: the last one ended less than ROUND_PAUSE ago.
    resting: bool = False
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


class Scrubber:
    """Checks stored files a batch at a time; run it on one worker or on all of them."""

    def __init__(self, settings: Settings, clock: Clock, files: FileStore) -> None:
        self.settings = settings
        self.clock = clock
        self.files = files

    async def _claim(self, size: int) -> tuple[list[Document], int, int] | ScrubReport | None:
        """The next batch of the round, or the end of the round; None if another worker won."""
        state = await _round()
        after = state.after_document_id
        now = self.clock.now()
        last_ended = state.last_round_completed_at
        if after == 0 and last_ended is not None and now - last_ended < ROUND_PAUSE:
            return ScrubReport(round=state.rounds_completed + 1, resting=True)
        batch = (
            await Document.filter(id__gt=after)
            .order_by("id")
            .limit(size)
            .only("id", "title", "administration_id", "storage_key", "sha256", "damage")
        )
        if not batch:
            ended = await ScrubRound.filter(pk=ROUND_ID, after_document_id=after).update(
                after_document_id=0,
                round_started_at=None,
                rounds_completed=F("rounds_completed") + 1,
                last_round_completed_at=now,
            )
            if ended and after:
                log.info("file check: a round of every stored file is complete")
            return ScrubReport(
                round=state.rounds_completed + 1, round_completed=bool(ended and after)
            )
        claimed = await ScrubRound.filter(pk=ROUND_ID, after_document_id=after).update(
            after_document_id=batch[-1].pk, round_started_at=state.round_started_at or now
        )
        return (list(batch), after, state.rounds_completed + 1) if claimed else None

    async def _give_back(self, after: int, batch: list[Document]) -> None:
        """A batch the store could not answer for goes back to be checked again."""
        await ScrubRound.filter(pk=ROUND_ID, after_document_id=batch[-1].pk).update(
            after_document_id=after
        )

    async def run_once(self, size: int) -> ScrubReport:
        """Check the next `size` documents' files and record what is wrong with them.

        A store that does not answer raises StoreUnavailable, and the batch is given back:
        an outage says nothing about the files.
        """
        claimed = await self._claim(size)
        while claimed is None:
            claimed = await self._claim(size)
        if isinstance(claimed, ScrubReport):
            return claimed
        batch, after, round_number = claimed
        found: dict[str, FileProblem | None] = {}
        try:
            for document in batch:
                if document.storage_key not in found:
                    found[document.storage_key] = await self.files.diagnose(
                        document.storage_key, document.sha256
                    )
        except StoreUnavailable:
            await self._give_back(after, batch)
            raise
        FILES_SCRUBBED.inc(len(found))
        return await self._record(batch, found, round_number)

    async def _record(
        self, batch: list[Document], found: dict[str, FileProblem | None], round_number: int
    ) -> ScrubReport:
        """Write down new damage and clear damage that is gone; log each for the operator."""
        now = self.clock.now()
        damaged = restored = 0
        for document in batch:
            problem = found[document.storage_key]
            if problem is not None and document.damage != problem:
                await Document.filter(pk=document.pk).update(damage=problem, damage_found_at=now)
                damaged += 1
                log.warning(
                    "file check: the file of document %s (%r, administration %s) is %s",
                    document.pk,
                    document.title,
                    document.administration_id,
                    problem.value.lower(),
                )
            elif problem is None and document.damage is not None:
                await Document.filter(pk=document.pk).update(damage=None, damage_found_at=None)
                restored += 1
                log.info("file check: the file of document %s is intact again", document.pk)
        return ScrubReport(
            round=round_number, checked=len(batch), damaged=damaged, restored=restored
        )

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Check files at the set rate until stopped; an error pauses the job, never ends it."""
        rate = self.settings.scrub_files_per_second
        size = max(1, math.ceil(rate))
        while not stop.is_set():
            started = time.monotonic()
            pause = size / rate
            try:
                report = await self.run_once(size)
                if report.resting:
                    pause = IDLE_PAUSE_SECONDS
                elif not report.checked:
                    pause = max(pause, 1.0)  # an empty store, or the end of a round
            except StoreUnavailable as outage:
                log.warning("file check paused: %s", outage)
                pause = OUTAGE_PAUSE_SECONDS
            except Exception:
                log.exception("file check error")
                pause = OUTAGE_PAUSE_SECONDS
            remaining = pause - (time.monotonic() - started)
            if remaining > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), remaining)


async def scrub_loop(settings: Settings, clock: Clock, stop: asyncio.Event) -> None:
    """The file check as a background loop of `overdracht serve` and `overdracht worker`."""
    if settings.scrub_files_per_second <= 0:
        await stop.wait()  # switched off: idle, so readiness still sees the loop alive
        return
    await Scrubber(settings, clock, open_file_store(settings)).run_forever(stop)
