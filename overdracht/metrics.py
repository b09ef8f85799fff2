"""The counters of this process (requests it answered, documents its workers verified).

The gauges read from the database at each scrape, and the exposition, are in api/metrics.py.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry()
REQUESTS = Counter(
    "overdracht_graphql_requests",
    "GraphQL operations answered, by root field asked for (one count per root field of an "
    "operation; 'unauthenticated' for all without a valid token) and outcome.",
    ["operation", "outcome"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "overdracht_graphql_request_seconds",
    "How long GraphQL operations took, by root field asked for (or 'unauthenticated').",
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
