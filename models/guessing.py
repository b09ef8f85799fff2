"""Limits on finding things out by trying: transfer codes (rule 9) and recipients (rule 7).

Codes: a user who entered no wrong code in the last 15 minutes is never refused, whatever
their colleagues did. A user who did may try again while they have fewer than
`code_attempts_per_user` failures in 15 minutes and their office fewer than
`code_attempts_per_office` in the hour. Every failure is recorded, so those limits bound how
many codes an attacker can try; `guessing_odds` turns that bound into the chance of hitting a
live code, and start-up refuses settings that make it larger than 1 in 10^12.

Recipients: every different address a user looks up as an offer's recipient counts against
`recipient_checks_per_hour`; each is recorded for the office's superusers to see.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from models.offers import CodeAttempt, RecipientCheck
from models.transfer_code import ALPHABET, LENGTH
from models.user import User
from overdracht.db import is_postgres
from overdracht.settings import ConfigurationError, Settings

CODE_USER_WINDOW = timedelta(minutes=15)
CODE_OFFICE_WINDOW = timedelta(hours=1)
RECIPIENT_WINDOW = timedelta(hours=1)

# The chance of hitting a live code over its validity that start-up accepts at most (rule 9).
MAX_CHANCE = 1e-12
# What the odds assume an attacker holds: every superuser account and every office of an
# installation far larger than the Dutch market, and a million offers open at once.
ATTACKER_ACCOUNTS = 100_000
ATTACKER_OFFICES = 10_000
LIVE_CODES = 1_000_000
CODE_SPACE = len(ALPHABET) ** LENGTH

# One office's tries are taken one at a time, so that neither aliases in one request nor
# several server processes can slip past a limit together: each is counted and recorded before
# the next is looked at.
_office_locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
TRIES_LOCK_SPACE = 0x4F56  # the first key of the advisory locks that serialise tries


@contextlib.asynccontextmanager
async def one_try_at_a_time(environment_id: int) -> AsyncIterator[None]:
    """Serialise one office's tries across every server process, not only this one."""
    # PostgreSQL: an advisory lock held by the transaction that counts and records. SQLite is
    # used by one process, so a lock of this process does.
    if not is_postgres():
        async with _office_locks[environment_id]:
            yield
        return
    async with in_transaction() as connection:
        await connection.execute_query(
            "SELECT pg_advisory_xact_lock($1, $2)", [TRIES_LOCK_SPACE, environment_id]
        )
        yield


def _freed_at(times: Sequence[datetime], limit: int, window: timedelta) -> datetime | None:
    """When fewer than `limit` of these moments (oldest first) lie in the window, if not now."""
    if len(times) < limit:
        return None
    return times[len(times) - limit] + window


async def code_attempts_refused_until(
    user: User, now: datetime, settings: Settings
) -> datetime | None:
    """When this user may enter a code again, or None when they may now (rule 9)."""
    own = [
        attempt.at
        for attempt in await CodeAttempt.filter(
            user_id=user.pk, at__gt=now - CODE_USER_WINDOW
        ).order_by("at")
    ]
    if not own:
        return None  # made no mistake: never refused, whatever the colleagues did
    clean_at = own[-1] + CODE_USER_WINDOW
    own_limit_at = _freed_at(own, settings.code_attempts_per_user, CODE_USER_WINDOW)
    office = [
        attempt.at
        for attempt in await CodeAttempt.filter(
            environment_id=user.environment_id, at__gt=now - CODE_OFFICE_WINDOW
        ).order_by("at")
    ]
    office_limit_at = _freed_at(office, settings.code_attempts_per_office, CODE_OFFICE_WINDOW)
    limits = [at for at in (own_limit_at, office_limit_at) if at is not None]
    if not limits:
        return None
    return min(clean_at, max(limits))


@dataclass(frozen=True)
class GuessingOdds:
    """The most wrong codes attackers can enter within one validity, and what that buys them."""

    guesses: int
    live_codes: int
    code_space: int

    @property
    def chance(self) -> float:
        """The chance that any of those guesses hits any live code: guesses * codes / space."""
        return self.guesses * self.live_codes / self.code_space


def guessing_odds(settings: Settings) -> GuessingOdds:
    """The odds of hitting a live code over its validity, under these settings' limits.

    Within a period T, one user's failures are at most n_u per 15-minute window, and an office's
    failures by users who already failed at most n_o per hour; a user's first failure after 15
    clean minutes is the only one outside the office limit. So, with A accounts in O offices:
    guesses ≤ min(A·n_u·(T/15 min + 1), O·n_o·(T/1 h + 1) + A·(T/15 min + 1)).
    """
    period = settings.offer_validity
    user_windows = period // CODE_USER_WINDOW + 1
    office_windows = period // CODE_OFFICE_WINDOW + 1
    by_users = ATTACKER_ACCOUNTS * settings.code_attempts_per_user * user_windows
    by_offices = (
        ATTACKER_OFFICES * settings.code_attempts_per_office * office_windows
        + ATTACKER_ACCOUNTS * user_windows
    )
    return GuessingOdds(
        guesses=min(by_users, by_offices), live_codes=LIVE_CODES, code_space=CODE_SPACE
    )


def refuse_guessable_settings(settings: Settings) -> None:
    """Start-up refuses attempt limits and a validity that would make guessing a code pay."""
    odds = guessing_odds(settings)
    if odds.chance <= MAX_CHANCE:
        return
    raise ConfigurationError(
        f"OVERDRACHT_CODE_ATTEMPTS_PER_USER={settings.code_attempts_per_user}, "
        f"OVERDRACHT_CODE_ATTEMPTS_PER_OFFICE={settings.code_attempts_per_office} and "
        f"OVERDRACHT_OFFER_VALIDITY_SECONDS={settings.offer_validity.total_seconds():.0f} let "
        f"{odds.guesses:,} wrong codes be tried within one validity: a {odds.chance:.1e} chance "
        f"of hitting a live transfer code, above the {MAX_CHANCE:.0e} allowed; lower the limits "
        "or the validity"
    )


async def take_recipient_checks(
    user: User, addresses: Sequence[str], now: datetime, settings: Settings
) -> datetime | None:
    """Count and record these lookups before they are made, or say until when they are refused.

    Counted whether or not the offer is then written, since the answer tells either way.
    """
    async with one_try_at_a_time(user.environment_id):
        refused_until = await recipient_checks_refused_until(user, addresses, now, settings)
        if refused_until is None:
            await record_recipient_checks(user, addresses, now)
    return refused_until


async def recipient_checks_refused_until(
    user: User, addresses: Sequence[str], now: datetime, settings: Settings
) -> datetime | None:
    """When this user may look these addresses up, or None when they may now (rule 7).

    Looking the same address up again tells nothing new, so only different addresses count.
    """
    latest: dict[str, datetime] = {}
    for check in await RecipientCheck.filter(user_id=user.pk, at__gt=now - RECIPIENT_WINDOW):
        latest[check.email] = max(check.at, latest.get(check.email, check.at))
    new = {address for address in addresses if address not in latest}
    excess = len(latest) + len(new) - settings.recipient_checks_per_hour
    if excess <= 0:
        return None
    return sorted(latest.values())[excess - 1] + RECIPIENT_WINDOW


async def record_recipient_checks(user: User, addresses: Sequence[str], now: datetime) -> None:
    """Every address looked up is recorded, for the limit and for the office's superusers."""
    await RecipientCheck.bulk_create(
        [
            RecipientCheck(
                user_id=user.pk,
                environment_id=user.environment_id,
                actor_name=user.display_name,
                email=address,
                at=now,
            )
            for address in addresses
        ]
    )
