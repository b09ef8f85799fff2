"""The start-up check of `serve` and `worker`: the configured file store is where the files are.

A process pointed at a bucket the files were never copied to would fail every download and
scatter new files over two stores; this refuses to start it, in one line that says where the
documents are and what to do.
"""

from __future__ import annotations

from models.file_store_home import claim_file_store_home
from overdracht.clock import Clock
from overdracht.settings import LOCAL_FILE_STORE, Settings


async def file_store_refusal(settings: Settings, clock: Clock) -> str | None:
    """Why this process must not start, or None; a database with no record gets this store's."""
    configured = settings.file_store_location
    home = await claim_file_store_home(configured, clock.now())
    if home.location == configured:
        return None
    recorded = f"(recorded {home.recorded_at:%Y-%m-%d %H:%M} UTC)"
    if home.location == LOCAL_FILE_STORE:
        return (
            f"the documents are on the local disk {recorded}, but OVERDRACHT_FILE_STORE names "
            f"{configured}: copy them there first with `overdracht storage copy --to "
            f"{configured}` (run with OVERDRACHT_FILE_STORE unset), or unset OVERDRACHT_FILE_STORE"
        )
    setting = "is not set" if configured == LOCAL_FILE_STORE else f"names {configured}"
    return (
        f"the documents are in {home.location} {recorded}, but OVERDRACHT_FILE_STORE "
        f"{setting}: set OVERDRACHT_FILE_STORE={home.location}"
    )
