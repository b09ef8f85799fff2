"""The counters of this process (requests it answered, documents its workers verified).

The gauges read from the database at each scrape, and the exposition, are in api/metrics.py.
"""

from __future__ import annotations

import re

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry()
REQUESTS = Counter(
    "overdracht_graphql_requests",
    "GraphQL operations answered, by operation and outcome.",
    ["operation", "outcome"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "overdracht_graphql_request_seconds",
    "How long GraphQL operations took, by operation.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
FILES_SCRUBBED = Counter(
    "overdracht_files_scrubbed",
    "Stored files the file check of this process read back and compared with their SHA-256.",
    registry=REGISTRY,
)
DOCUMENTS_VERIFIED = Counter(
    "overdracht_documents_verified",
    "Documents whose file a move of this process verified; rate() gives documents per second.",
    registry=REGISTRY,
)

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
MAX_OPERATION_NAMES = 200
_seen_names: set[str] = set()


def operation_label(operation_type: str | None, name: str | None) -> str:
    """A bounded label: clients choose operation names, so only so many are kept apart."""
    kind = operation_type or "unknown"
    if not name or not _NAME.match(name):
        return f"{kind}:anonymous"
    label = f"{kind}:{name}"
    if label in _seen_names or len(_seen_names) < MAX_OPERATION_NAMES:
        _seen_names.add(label)
        return label
    return f"{kind}:other"
