"""The one source of the current time, so tests can move it and expiry is exact to the second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time in UTC."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real time, used by the running service."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class MovableClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = (start or datetime.now(UTC)).replace(microsecond=0)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the time forward, as if delta had passed."""
        self._now += delta

    def set(self, moment: datetime) -> None:
        """Jump to a given moment."""
        self._now = moment
