"""The cyclic garbage collector, tuned for a server process that holds thousands of sockets.

Python's collector walks every object that survived earlier collections each time it collects
the oldest generation, and it does so more often the more objects a burst of work leaves alive
for a moment. A server holding thousands of WebSocket subscribers has hundreds of thousands of
such objects (its schema, models and routes, and each socket's state), so a burst of live
messages spent more of its CPU in collections than in sending (docs/benchmarks.md). What lives
as long as the process is kept out of every collection, and the youngest generation is
collected less often, so the objects of one message are mostly freed by their reference counts
before a collection sees them.
"""

from __future__ import annotations

import gc

# Allocations between two collections of the youngest generation (Python's default: 700).
YOUNG_THRESHOLD = 20_000


def settle_long_lived_objects() -> None:
    """Once the server has started: what exists now lives as long as the process."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
