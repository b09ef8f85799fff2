"""A move's proof from the object store's own listing: every file there, with its size and MD5.

Reading a million files back costs minutes; the store's listing carries each object's size and
ETag (the MD5 of a single-part upload), recorded on the document when the file was stored. So
the archive's rows are matched against a listing of the store, one disjoint key range at a
time and several ranges side by side. A listing cannot notice bytes damaged at rest; the
scrubbing job can, and the damage it recorded fails the move here. A row whose MD5 was never
recorded, or an object whose ETag is no MD5, is read back instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from models import Document
from overdracht.db import is_postgres
from overdracht.filestore import FileProblem, FileStore, ListedFile

FAN_OUT = 256
SECOND_LEVEL = 256 * 256
# One listing request costs about as much as 30 keys it lists (a page holds 1,000 keys and took
# ~30 ms on the S3 server of the benchmark): the measure by which ranges are chosen.
REQUEST_COST_IN_KEYS = 30
# Ranges walked side by side: each holds its pages, its listing's answer and a connection to
# the store. Four keep the store and the database busy; eight held 3 to 4 MB more at 1M.
RANGES_IN_FLIGHT = 4
# Documents read per query of a range, the next page read while one is matched: with the
# listing's pages (overdracht/s3_store.py LISTING_CHUNK), what a range holds in memory at a time.
# Pages of 1,000 held 16,000 rows and 8,000 listed files once the ranges were longer than a page
# (from about 256,000 documents on): a 1M move's memory stood 17 MB above a 100k move's through
# the whole check. Pages of 250 hold a quarter of that, for some 3,000 more queries at 1M.
ROWS_PER_PAGE = 250
READ_BACK_BATCH = 200
_MD5_RE = re.compile(r"^[0-9a-f]{32}$")
log = logging.getLogger("overdracht.mover")


@dataclass(frozen=True, slots=True)
class ArchiveRow:
    """One document as the check needs it; thousands are held at once, so without a dict."""

    id: int
    storage_key: str
    sha256: str
    size: int
    md5: str | None
    damage: str | None


@dataclass(frozen=True)
class FileFinding:
    """A document whose file is not in the store as recorded, and what the store showed."""

    document_id: int
    problem: FileProblem
    detail: str


@dataclass
class RangeCheck:
    """What one key range proved: its documents, bytes and highest id, and what failed."""

    documents: int = 0
    bytes_total: int = 0
    last_id: int = 0
    findings: list[FileFinding] = field(default_factory=list)
    read_back: list[ArchiveRow] = field(default_factory=list)


def key_range(prefix: str) -> tuple[str, str | None]:
    """The storage keys a hex prefix covers, as [low, high): `ab` is from `ab` up to `ac`."""
    width = len(prefix)
    following = int(prefix, 16) + 1
    high = None if following >= 16**width else format(following, f"0{width}x")
    return prefix, high


def store_range(prefix: str) -> str:
    """The store's fan-out range for a hex prefix: `abcd` lists `ab/cd/`."""
    return "".join(f"{prefix[i : i + 2]}/" for i in range(0, len(prefix), 2))


async def _row_page(
    administration_id: int, prefix: str, after: tuple[str, int] | None
) -> list[ArchiveRow]:
    """The next page of the archive's documents in one key range, in key order (then id).

    Keyset pagination on (storage_key, id), an index range scan each time, so a range is
    read a page at a time whatever its size.
    """
    low, high = key_range(prefix)
    values: list[object] = []

    def mark(value: object) -> str:
        values.append(value)
        return f"${len(values)}" if is_postgres() else "?"

    where = [f'"administration_id" = {mark(administration_id)}', f'"storage_key" >= {mark(low)}']
    if high is not None:
        where.append(f'"storage_key" < {mark(high)}')
    if after is not None:
        key, document_id = after
        where.append(
            f'("storage_key" > {mark(key)} '
            f'OR ("storage_key" = {mark(key)} AND "id" > {mark(document_id)}))'
        )
    condition = " AND ".join(where)
    sql = (
        'SELECT "id", "storage_key", "sha256", "size", "md5", "damage" FROM "document" '
        f'WHERE {condition} ORDER BY "storage_key", "id" LIMIT {ROWS_PER_PAGE}'
    )
    _, rows = await Document._meta.db.execute_query(sql, values)
    return [ArchiveRow(*tuple(row)) for row in rows]


async def _row_pages(administration_id: int, prefix: str) -> AsyncGenerator[list[ArchiveRow], None]:
    """Every page of a range's documents, the next one read while the last is matched."""
    following = asyncio.ensure_future(_row_page(administration_id, prefix, None))
    try:
        while page := await following:
            last = page[-1]
            following = asyncio.ensure_future(
                _row_page(administration_id, prefix, (last.storage_key, last.id))
            )
            yield page
    finally:
        if not following.done():
            following.cancel()
        with contextlib.suppress(BaseException):
            await following


class OutOfOrder(Exception):
    """The database or the store handed keys back in another order than byte order."""


class _Listing:
    """A range's listing read a page at a time, looked through in key order."""

    def __init__(self, pages: AsyncIterator[list[ListedFile]]) -> None:
        self._pages = pages
        self._page: list[ListedFile] = []
        self._at = 0
        self._last = ""
        self._done = False

    async def find(self, key: str) -> ListedFile | None:
        """The listed file with this key, moving past every smaller key; keys must rise."""
        while True:
            while self._at < len(self._page):
                entry = self._page[self._at]
                if entry.key < self._last:
                    raise OutOfOrder(entry.key)
                self._last = entry.key
                if entry.key >= key:
                    return entry if entry.key == key else None
                self._at += 1
            if self._done:
                return None
            try:
                self._page, self._at = await anext(self._pages), 0
            except StopAsyncIteration:
                self._done = True


async def _second_level_prefixes(administration_id: int) -> list[str]:
    """The distinct second-level ranges an archive's keys fall in."""
    mark = "$1" if is_postgres() else "?"
    sql = (
        'SELECT DISTINCT substr("storage_key", 1, 4) AS p FROM "document" '
        f'WHERE "administration_id" = {mark} ORDER BY p'
    )
    _, rows = await Document._meta.db.execute_query(sql, [administration_id])
    return [row[0] for row in rows]


async def _stored_estimate() -> int:
    """About how many files the store holds: the documents of every office, estimated."""
    if is_postgres():
        sql = "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE relname = 'document'"
    else:
        sql = 'SELECT count(*) FROM "document"'
    _, rows = await Document._meta.db.execute_query(sql)
    return int(rows[0][0]) if rows else 0


async def ranges_to_list(administration_id: int, documents: int) -> list[str]:
    """The disjoint key ranges to list: all 256 first-level ones, or for a small archive in a
    large store only the second-level ranges its own keys fall in, whichever lists less."""
    first_level = [format(n, "02x") for n in range(FAN_OUT)]
    if documents >= SECOND_LEVEL:
        return first_level
    stored = max(await _stored_estimate(), documents)
    own = await _second_level_prefixes(administration_id)
    by_first = FAN_OUT * REQUEST_COST_IN_KEYS + stored * len({p[:2] for p in own}) / FAN_OUT
    by_second = len(own) * REQUEST_COST_IN_KEYS + stored * len(own) / SECOND_LEVEL
    return own if by_second < by_first else sorted({p[:2] for p in own})


def _compare(row: ArchiveRow, listed: ListedFile | None) -> FileFinding | None:
    """What the listing shows wrong with one document's file; None when it matches."""
    if row.damage is not None:
        problem = FileProblem(row.damage)
        return FileFinding(row.id, problem, "found by the file check")
    if listed is None:
        return FileFinding(row.id, FileProblem.MISSING, "the store holds no such object")
    if listed.size != row.size:
        detail = f"the store holds {listed.size} bytes, {row.size} were stored"
        return FileFinding(row.id, FileProblem.DAMAGED, detail)
    if row.md5 is not None and listed.etag is not None and listed.etag != row.md5:
        detail = f"the store's MD5 is {listed.etag}, {row.md5} was stored"
        return FileFinding(row.id, FileProblem.DAMAGED, detail)
    return None


async def check_range(files: FileStore, administration_id: int, prefix: str) -> RangeCheck:
    """Match one range's documents against the store's listing of the same range.

    Both come in key order, so they are walked side by side a page of each at a time: memory
    stays that of two pages whatever the range holds. Should either ever come in another order
    (a database collation that does not sort hex digits as bytes), the range is matched again
    from memory instead.
    """
    try:
        return await _walk_range(files, administration_id, prefix)
    except OutOfOrder:
        log.warning("listing check: range %s is not in byte order; matched from memory", prefix)
        return await _match_in_memory(files, administration_id, prefix)


def _account(checked: RangeCheck, row: ArchiveRow, entry: ListedFile | None) -> None:
    """Count one document and note what its listed file shows."""
    checked.documents += 1
    checked.bytes_total += row.size
    checked.last_id = max(checked.last_id, row.id)
    finding = _compare(row, entry)
    if finding is not None:
        checked.findings.append(finding)
    elif entry is not None and (
        row.md5 is None or entry.etag is None or not _MD5_RE.match(entry.etag)
    ):
        checked.read_back.append(row)


async def _walk_range(files: FileStore, administration_id: int, prefix: str) -> RangeCheck:
    """The merge of the range's rows and its listing, both in key order."""
    checked = RangeCheck()
    listing = files.listing(store_range(prefix))
    found = _Listing(listing)
    previous = ""
    try:
        async with contextlib.aclosing(_row_pages(administration_id, prefix)) as pages:
            async for page in pages:
                for row in page:
                    if row.storage_key < previous:
                        raise OutOfOrder(row.storage_key)
                    previous = row.storage_key
                    _account(checked, row, await found.find(row.storage_key))
    finally:
        close = getattr(listing, "aclose", None)
        if close is not None:
            with contextlib.suppress(BaseException):
                await close()
    return checked


async def _match_in_memory(files: FileStore, administration_id: int, prefix: str) -> RangeCheck:
    """The range's rows and its listing matched through a dictionary, whatever their order."""
    rows: list[ArchiveRow] = []
    async with contextlib.aclosing(_row_pages(administration_id, prefix)) as pages:
        async for page in pages:
            rows += page
    wanted = {row.storage_key for row in rows}
    listed: dict[str, ListedFile] = {}
    async for listed_page in files.listing(store_range(prefix)):
        listed.update((entry.key, entry) for entry in listed_page if entry.key in wanted)
    checked = RangeCheck()
    for row in rows:
        _account(checked, row, listed.get(row.storage_key))
    return checked


async def _in_flight(
    work: Sequence[Callable[[], Awaitable[RangeCheck]]], width: int
) -> AsyncGenerator[RangeCheck, None]:
    """Run the range checks `width` at a time and hand over each result as it is done.

    When one fails or the caller stops early, every other check is cancelled and awaited,
    those already finished too: with the store down they all fail at once, and a failure
    nobody retrieves is logged by asyncio as lost.
    """
    pending = iter(work)
    running: set[asyncio.Future[RangeCheck]] = set()
    finished: list[asyncio.Future[RangeCheck]] = []
    try:
        for start in pending:
            running.add(asyncio.ensure_future(start()))
            if len(running) >= width:
                break
        while running:
            done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            finished = list(done)
            while finished:
                following = next(pending, None)
                if following is not None:
                    running.add(asyncio.ensure_future(following()))
                yield finished.pop().result()
    finally:
        for unfinished in running:
            unfinished.cancel()
        for left in (*running, *finished):  # the first failure is the caller's; not these
            with contextlib.suppress(BaseException):
                await left


async def check_archive(
    files: FileStore,
    administration_id: int,
    documents: int,
    progress: Callable[[int], Awaitable[None]],
) -> RangeCheck:
    """Prove every document of an archive is in the store as recorded, from its listing.

    Stops at the first range with a finding; the caller names the document. Rows that the
    listing cannot prove (no MD5 recorded) are read back and hashed at the end.
    """
    total = RangeCheck()
    work = [
        (lambda prefix=prefix: check_range(files, administration_id, prefix))
        for prefix in await ranges_to_list(administration_id, documents)
    ]
    async with contextlib.aclosing(_in_flight(work, RANGES_IN_FLIGHT)) as results:
        async for checked in results:
            total.documents += checked.documents
            total.bytes_total += checked.bytes_total
            total.last_id = max(total.last_id, checked.last_id)
            total.read_back += checked.read_back
            if checked.findings:
                total.findings = checked.findings
                return total
            if checked.documents:
                await progress(total.documents)
    for start in range(0, len(total.read_back), READ_BACK_BATCH):
        batch = total.read_back[start : start + READ_BACK_BATCH]
        bad = set(await files.verify([(row.storage_key, row.sha256) for row in batch]))
        for row in batch:
            if row.storage_key in bad:
                problem = await files.diagnose(row.storage_key, row.sha256)
                detail = "its bytes read back do not match the recorded SHA-256"
                total.findings.append(
                    FileFinding(row.id, problem or FileProblem.UNREADABLE, detail)
                )
                return total
    return total
