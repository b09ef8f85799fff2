"""What operators watch, in Prometheus's format: requests, mail, moves, guessing.

Counters and histograms live in this process (overdracht/metrics.py); the state of the outbox,
the moves and the code attempts is read from the database at each scrape, so every process
reports the same totals.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from tortoise.functions import Count

from models import CodeAttempt, MigrationAdministration, OutboxMail
from models.enums import MailStatus, MigrationStatus
from overdracht.metrics import REGISTRY


class _DatabaseState(Collector):
    """The gauges of one scrape, read before it."""

    def __init__(self, families: list[GaugeMetricFamily]) -> None:
        self.families = families

    def collect(self) -> Iterable[Metric]:
        return self.families


async def _database_families(now: datetime) -> list[GaugeMetricFamily]:
    waiting = [MailStatus.PENDING, MailStatus.SENDING]
    depth = await OutboxMail.filter(status__in=waiting).count()
    first = await OutboxMail.filter(status__in=waiting).order_by("created_at").first()
    oldest = first.created_at if first else None
    outbox = GaugeMetricFamily(
        "overdracht_outbox_mails", "Mails waiting to be delivered (pending or being sent)."
    )
    outbox.add_metric([], depth)
    age = GaugeMetricFamily(
        "overdracht_outbox_oldest_age_seconds", "How long the oldest undelivered mail has waited."
    )
    age.add_metric([], max((now - oldest).total_seconds(), 0.0) if oldest else 0.0)
    moves = GaugeMetricFamily(
        "overdracht_administrations", "Offered administrations by status.", labels=["status"]
    )
    counts: dict[str, int] = dict(
        await MigrationAdministration.annotate(n=Count("id"))
        .group_by("status")
        .values_list("status", "n")
    )
    for status in MigrationStatus:
        moves.add_metric([status.value], counts.get(status.value, 0))
    refused = GaugeMetricFamily(
        "overdracht_code_attempts_refused",
        "Wrong transfer codes recorded (kept for the attempt limits' windows).",
    )
    refused.add_metric([], await CodeAttempt.all().count())
    return [outbox, age, moves, refused]


async def exposition(now: datetime) -> bytes:
    """Everything, in Prometheus's text format; without the database, says so and goes on."""
    up = GaugeMetricFamily("overdracht_database_up", "Whether the database answered this scrape.")
    try:
        families = await _database_families(now)
        up.add_metric([], 1)
    except Exception:  # the scrape still reports this process's own counters
        families = []
        up.add_metric([], 0)
    scrape = CollectorRegistry()
    scrape.register(_DatabaseState([up, *families]))
    return generate_latest(REGISTRY) + generate_latest(scrape)
