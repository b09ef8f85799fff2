"""Moves at a chosen moment: which moments a receiver may choose for a move not to start before.

The worker's side of it, never starting a move before its moment, is `lifecycle.startable`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.enums import MigrationStatus
from models.offers import MigrationAdministration
from models.refusals import Refusal, RefusalCode
from overdracht.settings import Settings


def as_moment(value: datetime) -> datetime:
    """A moment in UTC; one sent without a time zone is read as UTC, as the API says."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def in_words(duration: timedelta) -> str:
    """A limit as people say it, whole: "30 days", "1 day and 12 hours", "6 hours"."""
    minutes = max(int(duration.total_seconds()) // 60, 1)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [
        f"{count} {unit}{'' if count == 1 else 's'}"
        for count, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if count
    ]
    return " and ".join(parts) if len(parts) < 3 else f"{parts[0]}, {parts[1]} and {parts[2]}"


def not_before_refusal(not_before: datetime, now: datetime, settings: Settings) -> Refusal | None:
    """Why a move cannot be held until this moment: it is past, or further ahead than allowed."""
    moment = as_moment(not_before)
    if moment < now:
        return Refusal(
            RefusalCode.NOT_BEFORE_IN_PAST,
            "The moment to start the move is in the past; choose a later one, or none to start "
            "as soon as possible.",
            ("notBefore",),
        )
    most = settings.move_not_before_max
    if moment > now + most:
        return Refusal(
            RefusalCode.NOT_BEFORE_TOO_FAR,
            f"A move can be held at most {in_words(most)} ahead; choose a moment before "
            f"{(now + most).isoformat(timespec='minutes')}.",
            ("notBefore",),
        )
    return None


def reschedule_refusal(item: MigrationAdministration, now: datetime) -> Refusal:
    """Why the moment of this move can no longer be changed: it started, or it is not queued."""
    status = item.effective_status(now)
    name = item.administration_name
    if status == MigrationStatus.RUNNING:
        return Refusal(
            RefusalCode.MOVE_STARTED,
            f"The move of {name} has started; the moment it starts can no longer be changed.",
            ("id",),
        )
    return Refusal(
        RefusalCode.NOT_QUEUED,
        f"{name} is {status.value.lower()}, not waiting for its move; only a queued move can be "
        "given another moment.",
        ("id",),
    )
