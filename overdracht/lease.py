"""One lease protocol for every row a worker holds for a while: a move, a mail being sent.

A lease is a time column on the row plus a fence: a condition only the current holder's row
matches (its attempt number). Taking a row over bumps the attempt, so a holder that lost its
lease can no longer change anything, and each renewal says whether the lease is still held.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.models import Model

from overdracht.clock import Clock


class LeaseLost(Exception):
    """Another worker took this row over; this one stops without touching anything."""


@dataclass(frozen=True)
class Lease:
    """A row this worker holds: which, fenced how, for how long at a time."""

    model: type[Model]
    fence: Q
    clock: Clock
    length: timedelta
    column: str = "lease_until"

    async def renew(self, length: timedelta | None = None, /, **changes: Any) -> bool:
        """Extend the lease (and save changes with it); False once another holder has it."""
        until = self.clock.now() + (length or self.length)
        return await self.model.filter(self.fence).update(**{self.column: until}, **changes) == 1

    async def keep(self, length: timedelta | None = None, /, **changes: Any) -> None:
        """Renew the lease (and save changes with it), or raise LeaseLost once another holder
        has it: for a worker that must stop touching the row then."""
        if not await self.renew(length, **changes):
            raise LeaseLost(self.fence)

    async def held(self) -> bool:
        """Whether the lease is still this worker's and has not run out."""
        return await self.model.filter(
            self.fence, **{f"{self.column}__gt": self.clock.now()}
        ).exists()

    async def end(self, **changes: Any) -> bool:
        """Give the row up with its outcome; False if another holder took it meanwhile."""
        return await self.model.filter(self.fence).update(**{self.column: None}, **changes) == 1

    async def expire_now(self) -> bool:
        """Hand the row back at once, for a worker that stops: the next one need not wait."""
        return await self.model.filter(self.fence).update(**{self.column: self.clock.now()}) == 1
