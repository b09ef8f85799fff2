"""`overdracht storage copy --to s3://…`: an installation's document files, disk to bucket.

The documents' distinct storage keys are walked in key order, a thousand at a time, beside the
bucket's listing, which comes in the same order: one pass over each, so a million documents
cost no more memory than a thousand, and a file the bucket already holds with the right size
and ETag (its MD5) is skipped without a request of its own. That makes a rerun after a kill
copy only what is left. Every other file is read from the disk, checked against the SHA-256 its
documents record, and uploaded with the store's own put (checksum header, ETag = MD5); a file
that is missing or damaged on the disk is named by its documents and never copied. A final
pass proves every document's file is in the bucket, and only then is the bucket recorded as
where the files live (`models/file_store_home.py`), so the setting can be switched.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime

from tortoise.functions import Count, Max, Min

from models.document import Document
from models.file_store_home import move_file_store_home, record_file_store_home
from overdracht.clock import Clock
from overdracht.filestore import (
    DaemonThreads,
    DirectoryFileStore,
    FileProblem,
    ListedFile,
    UploadRefused,
    is_key,
    object_name,
    open_regular,
)
from overdracht.s3_store import S3FileStore
from overdracht.settings import LOCAL_FILE_STORE

KEYS_PER_BATCH = 1000
DEFAULT_CONCURRENCY = 16
DEFAULT_PROGRESS_SECONDS = 10.0
# Documents named per file that cannot be copied; the rest are counted.
NAMED_PER_FILE = 20
# Problems the final verification names before it only counts.
NAMED_PROBLEMS = 20


class CopyRefused(Exception):
    """The copy cannot start: wrong source, or the files are already where it would copy them."""


@dataclass(frozen=True)
class KeyRecord:
    """What the documents sharing one stored file record of it (all alike, unless damaged)."""

    key: str
    size: int
    sha256: str
    # The MD5 the documents agree on; None when none of them knows it yet (before 0008).
    md5: str | None
    documents: int
    documents_with_md5: int
    # The documents of this file disagree on its size or checksums: a damaged record.
    disagree: bool

    @property
    def md5_missing(self) -> bool:
        """Some of the file's documents have no MD5 yet: the copy fills it in."""
        return self.documents_with_md5 < self.documents


async def document_keys(batch: int = KEYS_PER_BATCH) -> AsyncIterator[list[KeyRecord]]:
    """Every distinct storage key with what its documents record, in key order, a batch at once.

    Keyset on the key itself (indexed), so each batch is one range read and a key shared by
    several documents comes once, without remembering the keys already seen.
    """
    last = ""
    while True:
        rows = (
            await Document.filter(storage_key__gt=last)
            .group_by("storage_key")
            .annotate(
                low_size=Min("size"),
                high_size=Max("size"),
                low_sha256=Min("sha256"),
                high_sha256=Max("sha256"),
                low_md5=Min("md5"),
                high_md5=Max("md5"),
                documents=Count("id"),
                documents_with_md5=Count("md5"),
            )
            .order_by("storage_key")
            .limit(batch)
            .values(
                "storage_key",
                "low_size",
                "high_size",
                "low_sha256",
                "high_sha256",
                "low_md5",
                "high_md5",
                "documents",
                "documents_with_md5",
            )
        )
        if not rows:
            return
        yield [
            KeyRecord(
                key=row["storage_key"],
                size=int(row["low_size"]),
                sha256=row["low_sha256"],
                md5=row["low_md5"],
                documents=int(row["documents"]),
                documents_with_md5=int(row["documents_with_md5"]),
                disagree=(
                    row["low_size"] != row["high_size"]
                    or row["low_sha256"] != row["high_sha256"]
                    or row["low_md5"] != row["high_md5"]
                ),
            )
            for row in rows
        ]
        last = rows[-1]["storage_key"]


class SortedListing:
    """A bucket's listing read in step with the documents' keys: both in key order, one pass each.

    An entry out of order is passed over, so the worst a strange listing can do is make a file
    look absent: it is then copied again, or the verification fails; never the reverse.
    """

    def __init__(self, pages: AsyncIterator[list[ListedFile]]) -> None:
        self._pages = pages
        self._page: list[ListedFile] = []
        self._at = 0
        self._done = False

    async def find(self, key: str) -> ListedFile | None:
        """The bucket's entry for `key`, if it holds one; keys must be asked for in order."""
        while not self._done:
            if self._at >= len(self._page):
                try:
                    self._page = await anext(self._pages)
                except StopAsyncIteration:
                    self._done = True
                    return None
                self._at = 0
                continue
            entry = self._page[self._at]
            if entry.key < key:
                self._at += 1
                continue
            return entry if entry.key == key else None
        return None


def holds(listed: ListedFile | None, size: int, md5: str | None) -> bool:
    """Whether the bucket's entry is this file: its size, and its ETag the file's MD5."""
    return listed is not None and md5 is not None and listed.size == size and listed.etag == md5


@dataclass
class Tally:
    """What the copy did so far, for the progress lines and the summary."""

    started: float = field(default_factory=time.monotonic)
    copied: int = 0
    already_there: int = 0
    failed: int = 0
    bytes_copied: int = 0

    @property
    def seconds(self) -> float:
        """Time since the copy started."""
        return time.monotonic() - self.started

    def line(self) -> str:
        """One line: what was copied, skipped and refused, how many bytes, how fast."""
        seconds = self.seconds
        done = self.copied + self.already_there + self.failed
        rate = done / seconds if seconds > 0 else 0.0
        return (
            f"copied {self.copied:,}, already there {self.already_there:,}, "
            f"failed {self.failed:,}, {self.bytes_copied:,} bytes, {seconds:.1f} s "
            f"({rate:,.0f} files/s)"
        )


@dataclass(frozen=True)
class LocalFile:
    """A file as read from the disk, with the checksums of what was read."""

    data: bytes
    sha256: str
    md5: str


def read_local(root: str, key: str) -> LocalFile | FileProblem:
    """Read one stored file whole and hash it: the bytes an upload would send."""
    if not is_key(key):
        return FileProblem.MISSING
    try:
        fd = open_regular(f"{root}/{object_name(key)}")
    except FileNotFoundError:
        return FileProblem.MISSING
    except OSError:
        return FileProblem.UNREADABLE
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError:
        return FileProblem.UNREADABLE
    return LocalFile(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
    )


async def name_documents(key: str) -> list[str]:
    """The documents that share a stored file, as an operator finds them: title, file, owner."""
    documents = (
        await Document.filter(storage_key=key)
        .order_by("id")
        .limit(NAMED_PER_FILE + 1)
        .select_related("administration__environment")
    )
    named = [
        f"document {document.pk} {document.title!r} ({document.file_name}) of administration "
        f"{document.administration.code} {document.administration.name} "
        f"(office {document.administration.environment.office_code})"
        for document in documents[:NAMED_PER_FILE]
    ]
    if len(documents) > NAMED_PER_FILE:
        rest = await Document.filter(storage_key=key).count() - NAMED_PER_FILE
        named.append(f"and {rest:,} more documents with the same file")
    return named


PROBLEM_WORDS = {
    FileProblem.MISSING: "missing on the local disk",
    FileProblem.UNREADABLE: "unreadable on the local disk",
    FileProblem.DAMAGED: "damaged on the local disk (its SHA-256 is not the one recorded)",
}


@dataclass
class Copier:
    """One run of the copy: the stores, how many uploads at once, and where it reports."""

    local: DirectoryFileStore
    bucket: S3FileStore
    report: Callable[[str], None]
    concurrency: int = DEFAULT_CONCURRENCY
    progress_seconds: float = DEFAULT_PROGRESS_SECONDS
    batch: int = KEYS_PER_BATCH
    tally: Tally = field(default_factory=Tally)

    async def copy(self) -> Tally:
        """Copy every document's file the bucket does not hold yet; returns what was done.

        A bucket that cannot be reached stops the run (StoreUnavailable): what was copied
        stays, and the next run goes on from there.
        """
        self.tally = Tally()
        queue: asyncio.Queue[tuple[KeyRecord, ListedFile | None] | None]
        queue = asyncio.Queue(maxsize=self.concurrency * 4)
        readers = DaemonThreads(self.concurrency, "copy-read")
        workers = [
            asyncio.ensure_future(self._upload_from(queue, readers))
            for _ in range(self.concurrency)
        ]
        ticker = asyncio.ensure_future(self._tick())
        feeding = asyncio.ensure_future(self._feed(queue))
        try:
            # Workers end only when told to, so one that ends before the feed has failed (the
            # bucket is gone): its error ends the run at once, not after the feed.
            while not feeding.done():
                done, _ = await asyncio.wait(
                    [feeding, *workers], return_when=asyncio.FIRST_COMPLETED
                )
                for task in done:
                    task.result()
            for _ in workers:
                await queue.put(None)
            await asyncio.gather(*workers)
        finally:
            for task in [feeding, *workers, ticker]:
                task.cancel()
            readers.shutdown(wait=False)
        return self.tally

    async def _feed(self, queue: asyncio.Queue[tuple[KeyRecord, ListedFile | None] | None]) -> None:
        """Walk the keys beside the listing; hand on what the bucket does not already hold."""
        listing = SortedListing(self.bucket.listing())
        async for records in document_keys(self.batch):
            for record in records:
                listed = await listing.find(record.key)
                if (
                    not record.disagree
                    and record.md5 is not None
                    and holds(listed, record.size, record.md5)
                ):
                    if record.md5_missing:
                        await fill_md5(record.key, record.md5)
                    self.tally.already_there += 1
                    continue
                await queue.put((record, listed))

    async def _upload_from(
        self,
        queue: asyncio.Queue[tuple[KeyRecord, ListedFile | None] | None],
        readers: DaemonThreads,
    ) -> None:
        while (job := await queue.get()) is not None:
            await self._copy_one(*job, readers)

    async def _copy_one(
        self, record: KeyRecord, listed: ListedFile | None, readers: DaemonThreads
    ) -> None:
        """Read, check and upload one file, or report why it cannot be copied."""
        if record.disagree:
            await self._refuse(record.key, "recorded with different sizes or checksums")
            return
        root = os.fspath(self.local.root)
        try:
            found = await asyncio.wait_for(
                asyncio.wrap_future(readers.submit(read_local, root, record.key)),
                self.local.read_timeout,
            )
        except TimeoutError:
            found = FileProblem.UNREADABLE
        if isinstance(found, FileProblem):
            await self._refuse(record.key, PROBLEM_WORDS[found])
            return
        if (
            found.sha256 != record.sha256
            or len(found.data) != record.size
            or (record.md5 is not None and found.md5 != record.md5)
        ):
            await self._refuse(record.key, PROBLEM_WORDS[FileProblem.DAMAGED])
            return
        if found.sha256 != record.key:
            await self._refuse(record.key, "stored under a key that is not its SHA-256")
            return
        if holds(listed, record.size, found.md5):
            # Uploaded before, by a run that was stopped before it recorded the MD5.
            self.tally.already_there += 1
        else:
            try:
                stored = await self.bucket.put(found.data)
            except UploadRefused as refused:
                await self._refuse(record.key, str(refused))
                return
            assert stored.key == record.key and stored.md5 == found.md5
            self.tally.copied += 1
            self.tally.bytes_copied += stored.size
        if record.md5_missing:
            await fill_md5(record.key, found.md5)

    async def _refuse(self, key: str, why: str) -> None:
        """Count a file that is not copied and name its documents, so someone can restore it."""
        self.tally.failed += 1
        named = await name_documents(key)
        # Reported together, so the lines of two files refused at once do not interleave.
        self.report("\n".join([f"not copied: file {key} is {why}:", *(f"  {n}" for n in named)]))

    async def _tick(self) -> None:
        """A progress line every so often, for an operator watching a long copy."""
        while True:
            await asyncio.sleep(self.progress_seconds)
            self.report(self.tally.line())


async def fill_md5(key: str, md5: str) -> None:
    """Record the MD5 on the documents of a file that were stored before it was recorded."""
    await Document.filter(storage_key=key, md5__isnull=True).update(md5=md5)


@dataclass
class Verification:
    """What the final pass found: how many files it checked, and those not in the bucket."""

    checked: int = 0
    problems: int = 0
    named: list[str] = field(default_factory=list)

    def add(self, key: str, why: str) -> None:
        """Count a file that is not in the bucket as its documents record it."""
        self.problems += 1
        if len(self.named) < NAMED_PROBLEMS:
            self.named.append(f"file {key} {why}")


async def verify_bucket(bucket: S3FileStore, batch: int = KEYS_PER_BATCH) -> Verification:
    """Prove from a fresh listing that every document's file is in the bucket, size and MD5.

    Nothing is downloaded: the upload was checked by its checksum header and its ETag, and
    the ETag still being the MD5 the documents record is what the listing shows.
    """
    found = Verification()
    listing = SortedListing(bucket.listing())
    async for records in document_keys(batch):
        for record in records:
            found.checked += 1
            listed = await listing.find(record.key)
            if record.disagree:
                found.add(record.key, "has documents that disagree on its size or checksums")
            elif record.md5 is None or record.md5_missing:
                found.add(record.key, "has documents without an MD5 (it was never copied)")
            elif listed is None:
                found.add(record.key, "is not in the bucket")
            elif listed.size != record.size:
                found.add(
                    record.key, f"is in the bucket with {listed.size} bytes, not {record.size}"
                )
            elif listed.etag != record.md5:
                found.add(record.key, f"is in the bucket with ETag {listed.etag}, not its MD5")
    return found


async def documents_marker() -> tuple[int, int]:
    """How many documents there are and the highest id: changes when one is added or removed."""
    newest = await Document.all().order_by("-id").first()
    return (await Document.all().count(), newest.pk if newest is not None else 0)


async def ensure_copyable(configured: str, target: str, now: datetime) -> None:
    """Refuse a copy that starts from a bucket or goes where the files already are."""
    if configured != LOCAL_FILE_STORE:
        raise CopyRefused(
            f"storage copy copies from the local disk, but OVERDRACHT_FILE_STORE names "
            f"{configured}; run it with OVERDRACHT_FILE_STORE unset"
        )
    home = await record_file_store_home(LOCAL_FILE_STORE, now)
    if home.location == target:
        raise CopyRefused(
            f"the documents are already in {target} (recorded {home.recorded_at:%Y-%m-%d %H:%M} "
            f"UTC): nothing to copy; set OVERDRACHT_FILE_STORE={target}"
        )
    if home.location != LOCAL_FILE_STORE:
        raise CopyRefused(
            f"the documents are in {home.location} (recorded {home.recorded_at:%Y-%m-%d %H:%M} "
            "UTC), not on the local disk: storage copy only copies from the local disk"
        )


@dataclass(frozen=True)
class CopyOutcome:
    """How a run ended: switched to the bucket or not, and why not."""

    switched: bool
    tally: Tally
    verification: Verification | None
    reason: str = ""


async def copy_to_bucket(copier: Copier, target: str, clock: Clock) -> CopyOutcome:
    """Copy, verify, and record the bucket as the files' home only when nothing is missing.

    Documents added while it runs (the service still serving) may be missed by the walk; the
    count and highest id of the documents are taken before the verification and compared
    before the switch, so the bucket is only recorded when no document arrived meanwhile.
    """
    tally = await copier.copy()
    if tally.failed:
        return CopyOutcome(
            False, tally, None, f"{tally.failed:,} files could not be copied (named above)"
        )
    before = await documents_marker()
    verification = await verify_bucket(copier.bucket, copier.batch)
    if verification.problems:
        return CopyOutcome(
            False,
            tally,
            verification,
            f"{verification.problems:,} of {verification.checked:,} files are not in the "
            "bucket as their documents record them (documents added while the copy ran? "
            "stop the service and run it again)",
        )
    if await documents_marker() != before:
        return CopyOutcome(
            False,
            tally,
            verification,
            "documents were added or removed while the copy ran: stop the service and run it "
            "again, it only copies what is new",
        )
    await move_file_store_home(target, clock.now())
    return CopyOutcome(True, tally, verification)
