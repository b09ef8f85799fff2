"""Offers past their expiry, and reminders before it: a loop of their own, beside the queues.

Every second a worker ends the offers that passed their expiry (their requester told once per
offer) and reminds the recipients of offers about to expire (once per expiry date). Both are
conditional updates, so any number of workers can run the loop side by side.
"""

from __future__ import annotations

import asyncio
import logging

from tortoise.transactions import in_transaction

from models import lifecycle
from models.lifecycle import Change
from overdracht.clock import Clock
from overdracht.settings import Settings
from worker.runner import repeat

log = logging.getLogger("overdracht.expiry")

# Seconds between two looks for offers to expire or remind: an offer shows as EXPIRED to its
# readers from the moment it expires whatever this is, so it only delays the mail.
INTERVAL = 1.0


class OfferExpiry:
    """Ends offers that passed their expiry and reminds the recipients of those expiring soon."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock

    async def run_once(self) -> int:
        """Expire what is due and send the reminders that are due; how many items expired."""
        change = Change(self.settings, self.clock.now())
        async with in_transaction():
            expired = await lifecycle.expire_due(change)
        async with in_transaction():
            await lifecycle.remind_due(change)
        return expired

    async def run_forever(self, stop: asyncio.Event, interval: float = INTERVAL) -> None:
        """Look every `interval` seconds until stop is set."""

        async def round_then_pause() -> float:
            await self.run_once()
            return interval

        await repeat(round_then_pause, stop, what="offer expiry", log=log, error_pause=interval)


async def expiry_loop(settings: Settings, clock: Clock, stop: asyncio.Event) -> None:
    """Offer expiry and reminders as a background loop of `overdracht serve` and `worker`."""
    await OfferExpiry(settings, clock).run_forever(stop)
