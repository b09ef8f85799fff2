"""The rows of the offices' overviews that changed, read once per process for every subscriber.

`overviewChanges` subscribers follow their office here. Whatever the number of sockets and
tabs, this process reads a changed row once and hands it to every subscriber of each office
whose offered or receivable overview shows it:

- on PostgreSQL (`notify`), news of an offer (api/change_news.py) makes one read of that offer's
  rows, with the offices that see each (`receiving_offices`); nothing is read while nothing
  changes;
- while no news arrives (SQLite, `poll`, the listening connection down), the followed offices'
  rows that may still change, and those that changed lately, are read every
  `progress_poll_interval`, in one query for all of them, and compared with what was read
  before; so are they when news starts or stops arriving.

What a subscriber gets is a row whose status, progress, expiry or anything else it shows
differs from the last time this process read it; a subscriber never gets a row of another
office's overviews. An office's first subscriber reads its open rows once to start from. Each
subscriber first gets the rows whose status changed in the last minute, so a change made
while a screen loaded its lists and subscribed is not missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import Q

from api.change_news import ChangeNews
from api.live_messages import LiveEvent
from api.resolvers.receivable_administrations import receivable_scope, receiving_offices
from models import MigrationAdministration, User
from models.enums import MigrationStatus, Role
from overdracht.clock import Clock
from overdracht.settings import Settings

logger = logging.getLogger(__name__)

# The statuses a row can still leave; a row in another status changes once, when it enters it.
OPEN = (
    MigrationStatus.OFFERED,
    MigrationStatus.QUEUED,
    MigrationStatus.RUNNING,
    MigrationStatus.FAILED,
)
# How far back a poll looks for rows that entered an ended status (other processes' clocks
# may lag behind this one's; a row read twice is sent once), and how recent a change is sent to
# a new subscriber at once.
CLOCK_MARGIN = timedelta(minutes=1)
# How long a failed read waits before the next try.
READ_RETRY_SECONDS = 1.0

Snapshot = tuple[Any, ...]


def row_snapshot(item: MigrationAdministration, now: datetime) -> Snapshot:
    """Everything a row shows that can change, as it is at `now`."""
    return (
        item.effective_status(now),
        item.status_changed_at,
        item.documents_done,
        item.documents_total,
        item.progress_at,
        item.expires_at,
        item.recipients_text,
        item.reason,
        item.failure,
        item.target_environment_id,
        item.target_connection_id,
        item.target_code,
        item.completed_at,
        item.checksums_verified,
        item.migration.target_environment_id,
    )


class Follower:
    """One subscriber's share: the rows changed since it last took them, newest state only,
    each with the news it came with (which its subscribers share a rendering of)."""

    def __init__(self) -> None:
        self._changed: dict[int, tuple[MigrationAdministration, LiveEvent]] = {}
        self._news = asyncio.Event()

    def hand(self, rows: Sequence[MigrationAdministration], news: LiveEvent) -> None:
        """Rows changed; a row handed again before it was taken is sent once, as it is now."""
        for row in rows:
            self._changed[row.pk] = (row, news)
        if rows:
            self._news.set()

    async def changes(self) -> list[tuple[MigrationAdministration, LiveEvent]]:
        """Wait for changed rows and take them, oldest change first."""
        await self._news.wait()
        self._news.clear()
        rows = list(self._changed.values())
        self._changed.clear()
        return rows


class Office:
    """What this process knows of one followed office: its subscribers and its rows as read."""

    def __init__(self) -> None:
        self.followers: set[Follower] = set()
        # Each row as last read, and what it showed then.
        self.rows: dict[int, MigrationAdministration] = {}
        self.seen: dict[int, Snapshot] = {}
        self.started: asyncio.Future[None] | None = None

    def take(
        self, rows: Sequence[MigrationAdministration], now: datetime
    ) -> list[MigrationAdministration]:
        """Keep these rows as read now; the ones that show something new."""
        changed = []
        for row in rows:
            snapshot = row_snapshot(row, now)
            self.rows[row.pk] = row
            if self.seen.get(row.pk) != snapshot:
                self.seen[row.pk] = snapshot
                changed.append(row)
        return changed

    def recent(self, since: datetime) -> list[MigrationAdministration]:
        """The rows whose status changed since `since`, oldest change first."""
        rows = [row for row in self.rows.values() if row.status_changed_at >= since]
        return sorted(rows, key=lambda row: (row.status_changed_at, row.pk))

    def forget_all_but(self, kept: set[int]) -> None:
        """Drop the rows a poll no longer reads: they ended before it looks back to."""
        for pk in [pk for pk in self.rows if pk not in kept]:
            del self.rows[pk]
            self.seen.pop(pk, None)


class OverviewFeed:
    """This process's one reader of changed overview rows, and the offices following them."""

    def __init__(self, news: ChangeNews, settings: Settings, clock: Clock) -> None:
        self.news = news
        self.settings = settings
        self.clock = clock
        self._offices: dict[int, Office] = {}
        self._offers: set[int] = set()
        self._everything = False
        self._polled_at: datetime | None = None
        self._wake = asyncio.Event()

    def followers(self) -> int:
        """How many subscribers of this process get changes now (their office's first read
        done), for tests and the benchmark."""
        return sum(
            len(office.followers)
            for office in self._offices.values()
            if office.started is not None and office.started.done()
        )

    @contextlib.asynccontextmanager
    async def follow(self, environment_id: int) -> AsyncIterator[Follower]:
        """A subscriber's share of the office's changed rows for the block, from now on."""
        office = self._offices.setdefault(environment_id, Office())
        follower = Follower()
        office.followers.add(follower)
        try:
            if office.started is None:
                office.started = asyncio.ensure_future(self._start(environment_id, office))
            started = office.started
            try:
                await asyncio.shield(started)
            except Exception:
                if office.started is started and started.done():
                    office.started = None  # the next subscriber reads again
                raise
            follower.hand(office.recent(self.clock.now() - CLOCK_MARGIN), LiveEvent())
            yield follower
        finally:
            office.followers.discard(follower)
            if not office.followers and self._offices.get(environment_id) is office:
                del self._offices[environment_id]

    async def _start(self, environment_id: int, office: Office) -> None:
        """The office's open rows as they are now, so what follows is compared with them."""
        now = self.clock.now()
        office.take(await self._rows_of([environment_id], since=now - CLOCK_MARGIN), now)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[OverviewFeed]:
        """Read and hand out changed rows for the block (the app's lifespan)."""
        task = asyncio.create_task(self._run())
        try:
            with self.news.news_of_every_offer(self._on_news):
                yield self
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _on_news(self, migration_id: int | None) -> None:
        if not self._offices:
            return  # nobody follows: nothing to read
        if migration_id is None:
            self._everything = True
        else:
            self._offers.add(migration_id)
        self._wake.set()

    async def _run(self) -> None:
        while True:
            polling = not self.news.listening
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self._wake.wait(),
                    self.settings.progress_poll_interval if polling else None,
                )
            self._wake.clear()
            offers, self._offers = self._offers, set()
            everything, self._everything = self._everything, False
            try:
                if everything or not self.news.listening:
                    await self._poll_every_office()
                elif offers:
                    await self._read_offers(offers)
            except Exception:  # a database hiccup: the next round reads again
                logger.exception("Could not read the overviews' changed rows")
                self._everything = True
                await asyncio.sleep(READ_RETRY_SECONDS)

    async def _read_offers(self, migration_ids: set[int]) -> None:
        """News of these offers: their rows, read once, to each office that sees them."""
        rows = await MigrationAdministration.filter(
            migration_id__in=list(migration_ids)
        ).select_related("migration")
        await self._hand_out(rows)

    async def _poll_every_office(self) -> None:
        """Without news: the followed offices' rows that may have changed, in one read."""
        offices = [
            environment_id
            for environment_id, office in self._offices.items()
            if office.started is not None and office.started.done()
        ]
        now = self.clock.now()
        since = (self._polled_at or now) - CLOCK_MARGIN
        rows = await self._rows_of(offices, since=since) if offices else []
        self._polled_at = now
        by_office = await self._hand_out(rows)
        for environment_id in offices:
            office = self._offices.get(environment_id)
            if office is not None:
                office.forget_all_but({row.pk for row in by_office.get(environment_id, [])})

    async def _hand_out(
        self, rows: Sequence[MigrationAdministration]
    ) -> dict[int, list[MigrationAdministration]]:
        """To each followed office, the rows of its overviews that differ from what its
        subscribers last got; the rows of each office's overviews among them."""
        receivers = await receiving_offices(rows) if rows else {}
        now = self.clock.now()
        news = LiveEvent()
        by_office: dict[int, list[MigrationAdministration]] = {}
        for row in rows:
            for environment_id in {row.source_environment_id, *receivers[row.pk]}:
                by_office.setdefault(environment_id, []).append(row)
        for environment_id, shown in by_office.items():
            office = self._offices.get(environment_id)
            if office is None or office.started is None or not office.started.done():
                continue
            changed = office.take(shown, now)
            for follower in office.followers:
                follower.hand(changed, news)
        return by_office

    @staticmethod
    async def _rows_of(offices: Sequence[int], *, since: datetime) -> list[MigrationAdministration]:
        """The rows in these offices' overviews that are open or changed since `since`."""
        superusers = await User.filter(
            environment_id__in=list(offices), role=Role.SUPERUSER
        ).values_list("environment_id", "email")
        emails: dict[int, list[str]] = {office: [] for office in offices}
        for environment_id, email in superusers:
            emails[int(environment_id)].append(str(email))
        scope = Q(source_environment_id__in=list(offices))
        for office in offices:
            scope |= receivable_scope(office, emails[office])
        live = Q(status__in=list(OPEN)) | Q(status_changed_at__gte=since)
        return list(
            await MigrationAdministration.filter(scope)
            .filter(live)
            .select_related("migration")
            .order_by("status_changed_at", "id")
        )
