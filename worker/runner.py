"""One way to work a queue of leased jobs: the moves, the outbox and the file check alike.

A worker takes jobs under a lease (a time on the row and a fence, overdracht/lease.py) and
works them one at a time; a job renews its lease as it goes and learns from the renewal that
another worker took it over (LeaseLost), after which it is left to that worker. A fault the
queue names (the database going away, the file store not answering) hands the job back at
once, so the next worker need not wait for the lease to run out; any other error leaves it to
its lease. A worker that stops hands back the jobs it took and did not start, and finishes the
job in hand or, where the queue says so, abandons it (it rolls back and is handed back). The
loop never ends on an error: it logs it and pauses.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from overdracht.lease import LeaseLost

Job = TypeVar("Job")
Outcome = TypeVar("Outcome")

# A hand back that takes longer than this is given up: the job then waits for its lease.
HAND_BACK_SECONDS = 5.0


class LeasedQueue(ABC, Generic[Job, Outcome]):
    """Jobs a worker takes under a lease; a queue says how to take, do and hand back one."""

    log: logging.Logger
    # What the log calls this queue's work, as in "file check: a round failed".
    work_name: str
    # Seconds between looks at an empty queue, and after a round that failed.
    idle_pause: float = 1.0
    error_pause: float = 1.0
    # Whether a worker that stops abandons the job in hand instead of finishing it.
    abandon_on_stop: bool = False
    _stop: asyncio.Event | None = None

    @abstractmethod
    async def take(self) -> Sequence[Job]:
        """The jobs due now, each held under a fresh lease for this worker; none when idle."""

    @abstractmethod
    async def run(self, job: Job) -> Outcome:
        """Do one job, renewing its lease as it goes; LeaseLost once another worker has it."""

    @abstractmethod
    async def hand_back(self, job: Job) -> None:
        """End this worker's lease on a job at once, so the next worker can take it now."""

    def name(self, job: Job) -> str:
        """The job as the log names it."""
        return f"{self.work_name} {job}"

    def fault(self, error: Exception) -> str | None:
        """Why an error hands the job back at once, or None to leave the job to its lease."""
        return None

    def pause(self, outcomes: Sequence[Outcome | None]) -> float:
        """Seconds from the start of one round to the next: none while there is work."""
        return 0.0 if any(outcome is not None for outcome in outcomes) else self.idle_pause

    async def work(self, job: Job) -> Outcome | None:
        """Do one job this worker took: its outcome, or None when another worker has it now or
        it was handed back."""
        try:
            return await self.run(job)
        except LeaseLost:
            self.log.warning(
                "%s: the lease was lost; left to the worker that has it", self.name(job)
            )
            return None
        except asyncio.CancelledError:
            self.log.warning("%s stopped with the worker; handed back", self.name(job))
            await self._hand_back(job)
            raise
        except Exception as error:
            reason = self.fault(error)
            if reason is None:
                raise
            self.log.warning(
                "%s %s (%s: %s); handed back", self.name(job), reason, type(error).__name__, error
            )
            await self._hand_back(job)
            return None

    async def _hand_back(self, job: Job) -> None:
        """Hand a job back if that can be done now; if not, it waits for its lease."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.hand_back(job), HAND_BACK_SECONDS)

    def _stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    async def run_once(self) -> list[Outcome | None]:
        """Take what is due and do it, a job at a time; a stopping worker hands the rest back."""
        jobs = list(await self.take())
        outcomes: list[Outcome | None] = []
        for index, job in enumerate(jobs):
            if self._stopping():
                for untried in jobs[index:]:
                    await self._hand_back(untried)
                break
            outcomes.append(await self.work(job))
        return outcomes

    async def run_until_idle(self) -> list[Outcome | None]:
        """Work the queue until nothing is due; for tests and one-shot runs."""
        outcomes: list[Outcome | None] = []
        while not self._stopping() and (done := await self.run_once()):
            outcomes.extend(done)
        return outcomes

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Work the queue until stop is set, pausing between rounds as the queue says."""
        self._stop = stop

        async def round_then_pause() -> float:
            return self.pause(await self.run_once())

        await repeat(
            round_then_pause,
            stop,
            what=self.work_name,
            log=self.log,
            error_pause=self.error_pause,
            abandon_on_stop=self.abandon_on_stop,
        )


async def repeat(
    round_: Callable[[], Awaitable[float]],
    stop: asyncio.Event,
    *,
    what: str,
    log: logging.Logger,
    error_pause: float,
    abandon_on_stop: bool = False,
) -> None:
    """Run rounds until stop is set, each followed by the pause it asks for (counted from its
    start); a round that fails is logged and paused after, never the end of the loop."""
    stopping = asyncio.ensure_future(stop.wait())
    work: asyncio.Future[float] | None = None
    try:
        while not stop.is_set():
            started = time.monotonic()
            work = asyncio.ensure_future(round_())
            await asyncio.wait({work, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not work.done():
                if abandon_on_stop:
                    work.cancel()
                await asyncio.wait({work})
                if not work.cancelled() and work.exception() is not None:
                    log.error("%s: the last round failed", what, exc_info=work.exception())
                break
            try:
                pause = work.result()
            except Exception:
                log.exception("%s: a round failed; trying again in %g s", what, error_pause)
                pause = error_pause
            remaining = pause - (time.monotonic() - started)
            if remaining > 0:
                await asyncio.wait({stopping}, timeout=remaining)
    finally:
        stopping.cancel()
        if work is not None and not work.done():
            work.cancel()
