"""UTC for mail headers, and the time zone a letter's dates are written in by default."""

from __future__ import annotations

from datetime import UTC, datetime

DEFAULT_TIME_ZONE = "Europe/Amsterdam"


def as_utc(moment: datetime) -> datetime:
    """A moment in UTC, for mail headers; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
