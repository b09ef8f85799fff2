"""Where the scrubbing job is in its round of the stored files, shared by every worker."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

ROUND_ID = 1


class ScrubRound(Model):
    """One row: the last document checked in this round, so any worker takes the next batch.

    Workers claim a batch by moving `after_document_id` on with a compare-and-set, so two
    workers never check the same files and a worker that dies loses at most one batch.
    """

    id = fields.IntField(primary_key=True)
    after_document_id = fields.BigIntField(default=0)
    round_started_at = fields.DatetimeField(null=True)
    rounds_completed = fields.IntField(default=0)
    last_round_completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "scrub_round"
