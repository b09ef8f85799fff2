"""News of changes pushed by PostgreSQL, so open screens and sockets wait instead of polling.

Each API process holds one listening connection (LISTEN on the channels the triggers of
migration 0010 notify) and rings the doorbells of its own waiters: a progress subscription
watches its migration, an open socket its token and user. Nothing is asked of the database per
waiter while nothing changes. When the listening connection is lost, every waiter is woken and
polls at its own interval until the connection is back; then every waiter is woken once more
to re-read, so nothing that happened in between is missed. SQLite, and `poll` behind a pooler
in transaction mode, never listen: every wait is a poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import asyncpg

from overdracht.scratch_database import asyncpg_dsn
from overdracht.settings import Settings

PROGRESS_CHANNEL = "overdracht_progress"  # payload: the migration's id
ACCESS_CHANNEL = "overdracht_access"  # payload: 'token:<id>' or 'user:<id>'

CONNECT_TIMEOUT = 5.0
FIRST_BACKOFF = 0.2
MAX_BACKOFF = 10.0
# How often the listening connection proves it is alive (one statement per process, not per
# waiter): a connection cut without a goodbye would otherwise look healthy for hours.
KEEPALIVE_SECONDS = 30.0

logger = logging.getLogger(__name__)

Subject = tuple[str, str]
T = TypeVar("T")


def migration_subject(migration_id: int) -> Subject:
    """What a progress subscriber watches: its offer's items."""
    return ("migration", str(migration_id))


def token_subjects(token_id: int, user_id: int) -> tuple[Subject, Subject]:
    """What an open socket watches: its token, and the user behind it."""
    return ("token", str(token_id)), ("user", str(user_id))


def listens(settings: Settings) -> bool:
    """Whether this installation is told of changes: PostgreSQL, and not behind a pooler."""
    postgres = settings.database_url.startswith(("postgres://", "asyncpg://"))
    return postgres and settings.progress_updates == "notify"


class Watch:
    """One waiter's doorbell, rung when news about what it watches arrives."""

    def __init__(self, news: ChangeNews) -> None:
        self._news = news
        self._rung = asyncio.Event()
        self.rings = 0

    def ring(self) -> None:
        """Something this waiter watches may have changed: it should read again."""
        self.rings += 1
        self._rung.set()

    def quiet_since(self, rings: int) -> bool:
        """Whether news is arriving and none came for this waiter since it counted `rings`."""
        return self._news.listening and self.rings == rings

    async def next_change(self, *, within: float | None, poll_every: float) -> None:
        """Return on news, after `within` seconds (when the clock alone changes something), or,
        while nobody listens, after `poll_every`; the caller then reads again."""
        timeout = math.inf if within is None else max(within, 0.0)
        if not self._news.listening:
            timeout = min(timeout, poll_every)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._rung.wait(), None if math.isinf(timeout) else timeout)
        self._rung.clear()  # before the caller reads: news during its read rings again


class ChangeNews:
    """The process's one listening connection and the waiters it wakes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.enabled = listens(settings)
        self._waiters: dict[Subject, set[Watch]] = {}
        # How much news each watched subject had, and how often everyone was woken at once:
        # together the generation a read belongs to.
        self._news_of: dict[Subject, int] = {}
        self._epoch = 0
        self._reads: dict[Subject, tuple[tuple[int, int], asyncio.Task[Any]]] = {}
        self._listening = False
        self._stopping = asyncio.Event()
        self._offer_readers: set[Callable[[int | None], None]] = set()

    @property
    def listening(self) -> bool:
        """Whether news arrives now; otherwise waiters poll."""
        return self._listening

    @contextlib.contextmanager
    def watch(self, *subjects: Subject) -> Iterator[Watch]:
        """A doorbell for these subjects for the block; enter it before the first read."""
        watch = Watch(self)
        for subject in subjects:
            self._waiters.setdefault(subject, set()).add(watch)
        try:
            yield watch
        finally:
            for subject in subjects:
                waiters = self._waiters.get(subject)
                if waiters is not None:
                    waiters.discard(watch)
                    if not waiters:
                        del self._waiters[subject]
                        self._news_of.pop(subject, None)
                        self._reads.pop(subject, None)

    @contextlib.contextmanager
    def news_of_every_offer(self, deliver: Callable[[int | None], None]) -> Iterator[None]:
        """For the block, `deliver(id)` on news of any offer, and `deliver(None)` whenever every
        waiter is woken at once (news began, or stopped, arriving): what may have changed."""
        self._offer_readers.add(deliver)
        try:
            yield
        finally:
            self._offer_readers.discard(deliver)

    async def read_once(self, subject: Subject, read: Callable[[], Awaitable[T]]) -> T:
        """While news arrives, the waiters of a subject woken by the same news share one read.

        A read started after the latest news about the subject sees every change announced so
        far; whoever wakes for that same news may take its result instead of asking again.
        Without news (polling) every waiter reads for itself.
        """
        if not self.listening:
            return await read()
        generation = (self._epoch, self._news_of.get(subject, 0))
        current = self._reads.get(subject)
        if current is None or current[0] != generation:
            task: asyncio.Task[T] = asyncio.ensure_future(read())
            self._reads[subject] = (generation, task)
            # A failed read is not kept for the next waiter: it reads again.
            task.add_done_callback(lambda done: self._forget_failed(subject, done))
            current = (generation, task)
        result: T = await asyncio.shield(current[1])
        return result

    def _forget_failed(self, subject: Subject, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or task.exception() is not None:
            current = self._reads.get(subject)
            if current is not None and current[1] is task:
                del self._reads[subject]

    def waiters(self) -> int:
        """How many doorbells hang in this process, for tests and the benchmark."""
        return len({watch for watches in self._waiters.values() for watch in watches})

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[ChangeNews]:
        """Listen for the block (the app's lifespan), waiting a moment for the first LISTEN."""
        if not self.enabled:
            yield self
            return
        self._stopping.clear()
        first = asyncio.Event()
        task = asyncio.create_task(self._listen(first))
        try:
            await asyncio.wait_for(first.wait(), CONNECT_TIMEOUT)
        except TimeoutError:
            logger.warning(
                "Not yet listening for changes; subscribers poll every %.1f s until it works",
                self.settings.progress_poll_interval,
            )
        try:
            yield self
        finally:
            self._stopping.set()
            await task

    # -- the listening connection --------------------------------------------------------------

    def _ring(self, subject: Subject) -> None:
        watches = self._waiters.get(subject)
        if not watches:
            return
        self._news_of[subject] = self._news_of.get(subject, 0) + 1
        for watch in watches:
            watch.ring()

    def _ring_all(self) -> None:
        self._epoch += 1
        for deliver in list(self._offer_readers):
            deliver(None)
        for watches in self._waiters.values():
            for watch in watches:
                watch.ring()

    def _on_progress(self, connection: Any, pid: int, channel: str, payload: str) -> None:
        self._ring(("migration", payload))
        if payload.isdigit():
            for deliver in list(self._offer_readers):
                deliver(int(payload))

    def _on_access(self, connection: Any, pid: int, channel: str, payload: str) -> None:
        kind, _, key = payload.partition(":")
        self._ring((kind, key))

    async def _listen(self, first: asyncio.Event) -> None:
        """Hold the listening connection, reconnecting with backoff for as long as the app runs."""
        backoff = FIRST_BACKOFF
        while not self._stopping.is_set():
            try:
                connection = await self._connect()
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as error:
                logger.warning(
                    "Cannot listen for changes (%s); subscribers poll every %.1f s, "
                    "trying again in %.1f s",
                    type(error).__name__,
                    self.settings.progress_poll_interval,
                    backoff,
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            backoff = FIRST_BACKOFF
            lost = asyncio.Event()
            connection.add_termination_listener(lambda _, lost=lost: lost.set())
            recovered = first.is_set()
            self._listening = True
            first.set()
            if recovered:
                logger.info("Listening for changes again; every subscriber reads once")
            self._ring_all()  # whatever changed while nobody listened is read now
            try:
                await self._hold(connection, lost)
            finally:
                self._listening = False
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(connection.close(), CONNECT_TIMEOUT)
            if not self._stopping.is_set():
                logger.warning(
                    "Lost the connection that listens for changes; subscribers poll every "
                    "%.1f s until it is back",
                    self.settings.progress_poll_interval,
                )
                self._ring_all()  # so those waiting for news alone start polling

    async def _connect(self) -> Any:
        connection = await asyncpg.connect(
            asyncpg_dsn(self.settings.database_url),
            timeout=CONNECT_TIMEOUT,
            server_settings={"application_name": "overdracht change news"},
        )
        try:
            await connection.add_listener(PROGRESS_CHANNEL, self._on_progress)
            await connection.add_listener(ACCESS_CHANNEL, self._on_access)
        except BaseException:
            connection.terminate()
            raise
        return connection

    async def _hold(self, connection: Any, lost: asyncio.Event) -> None:
        """Until the app stops or the connection is lost (noticed at once, or by the keepalive)."""
        while not self._stopping.is_set() and not lost.is_set():
            stop_or_loss = [
                asyncio.create_task(self._stopping.wait()),
                asyncio.create_task(lost.wait()),
            ]
            done, pending = await asyncio.wait(
                stop_or_loss, timeout=KEEPALIVE_SECONDS, return_when=asyncio.FIRST_COMPLETED
            )
            for task in pending:
                task.cancel()
            if done:
                return
            try:
                await asyncio.wait_for(connection.execute("SELECT 1"), CONNECT_TIMEOUT)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
                return
