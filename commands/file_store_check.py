"""The start-up check of `serve` and `worker`: the configured file store is where the files are.

A process pointed at a bucket the files were never copied to would fail every download and
scatter new files over two stores; this refuses to start it, in one line that says where the
documents are and what to do.
"""

from __future__ import annotations

from models import Document
from models.file_store_home import file_store_home, record_file_store_home
from overdracht.clock import Clock
from overdracht.filestore import FileStore
from overdracht.settings import LOCAL_FILE_STORE, Settings
from overdracht.storage import open_file_store


async def _holds(files: FileStore, key: str) -> bool:
    """Whether a store holds a key, from a listing of its one fan-out range (no download)."""
    async for page in files.listing(f"{key[:2]}/{key[2:4]}/"):
        if any(listed.key == key for listed in page):
            return True
    return False


async def _unrecorded_bucket_refusal(settings: Settings) -> str | None:
    """A database with documents and no record, started on a bucket: are the files there?

    An installation that ran on a bucket before the location was recorded holds its files
    there, and is recorded as it is; one whose files are on the local disk is refused, so that
    naming a bucket never replaces `overdracht storage copy`. The first and the last document
    are looked for.
    """
    documents = Document.all().only("id", "storage_key")
    probes = [
        d
        for d in (await documents.order_by("id").first(), await documents.order_by("-id").first())
        if d
    ]
    if not probes:
        return None
    files = open_file_store(settings)
    for document in probes:
        if await _holds(files, document.storage_key):
            return None
    configured = settings.file_store_location
    return (
        f"OVERDRACHT_FILE_STORE names {configured}, which does not hold the files of the "
        f"documents (document {probes[0].pk} is not there): copy them there first with "
        f"`overdracht storage copy --to {configured}` (run with OVERDRACHT_FILE_STORE unset), "
        "or unset OVERDRACHT_FILE_STORE"
    )


async def file_store_refusal(settings: Settings, clock: Clock) -> str | None:
    """Why this process must not start, or None; a database with no record gets this store's."""
    configured = settings.file_store_location
    if configured != LOCAL_FILE_STORE and await file_store_home() is None:
        refusal = await _unrecorded_bucket_refusal(settings)
        if refusal is not None:
            return refusal
    home = await record_file_store_home(configured, clock.now())
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
