"""Document files in an S3-compatible bucket, behind the same interface as the local directory.

The client is obstore (Python bindings of Rust's object_store): it signs requests, sends the
SHA-256 checksum header with an upload so the server refuses bytes that arrive damaged, and
costs a fraction of a millisecond of CPU per request (figures: docs/operations/storage.md). Objects
are named by their SHA-256 as on the local disk (`ab/cd/abcd…` under the configured prefix),
never by office or administration. Every request has a deadline: the client gives up after it
and retries at most once, and each call is also cut off here should the client not.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import obstore
from obstore.exceptions import PermissionDeniedError, UnauthenticatedError
from obstore.store import S3Store

from overdracht.filestore import (
    CHUNK_SIZE,
    SINGLE_PART_LIMIT,
    Digests,
    FileNotStoredError,
    FileProblem,
    ListedFile,
    StoredFile,
    StoreUnavailable,
    UploadRefused,
    file_digests,
    is_key,
    is_range,
    object_name,
    refuse_too_large,
)
from overdracht.native_memory import return_large_buffers
from overdracht.settings import ObjectStoreSettings

if TYPE_CHECKING:
    from obstore.store import ClientConfig, RetryConfig, S3Config

log = logging.getLogger("overdracht.files")

T = TypeVar("T")

# Files verified at once by one call of verify; a move has two calls in flight.
VERIFY_CONCURRENCY = 16
# The client's own deadline fires first; this margin only catches a client that hangs anyway.
GRACE_SECONDS = 1.0
# Listed objects handed over at a time (the server still answers 1,000 per request): a listing
# check holds one such page per range it walks, eight side by side.
LISTING_CHUNK = 250
SHA256_METADATA = "sha256"
# The parts a file uploaded from disk is sent in (the smallest S3 takes but for the last).
PART_SIZE = 5 * 1024 * 1024
_MD5_RE = re.compile(r"^[0-9a-f]{32}$")
# What S3 servers answer when the bytes that arrived do not match the checksum sent with them.
_CHECKSUM_REFUSALS = ("BadDigest", "XAmzContentChecksumMismatch", "XAmzContentSHA256Mismatch")


def s3_client(
    settings: ObjectStoreSettings,
    *,
    timeout: float,
    per_read: bool = False,
    checksum: bool = True,
    headers: Mapping[str, str] | None = None,
) -> S3Store:
    """An obstore client for the bucket whose requests end within `timeout` seconds.

    A request that times out is not tried again (its retry window is the same deadline); one
    refused at once, such as a connection reset, is tried once more. With `per_read` the
    deadline holds for each read of the body instead of the whole request, for downloads a
    slow client reads at its own pace. `checksum` and `headers` exist so a test can send a
    checksum of its own.

    The client's threads allocate an upload's parts and the listing's pages; each is given
    back to the system once freed, not kept in malloc's heaps (overdracht/native_memory.py).
    """
    return_large_buffers()
    deadline = timedelta(seconds=timeout)
    options: ClientConfig = {
        "allow_http": settings.allow_http,
        "connect_timeout": min(deadline, timedelta(seconds=5)),
    }
    if per_read:
        options["read_timeout"] = deadline
        options["timeout"] = timedelta(hours=6)
    else:
        options["timeout"] = deadline
    if headers:
        options["default_headers"] = dict(headers)
    retry: RetryConfig = {
        "max_retries": 1,
        "retry_timeout": deadline,
        "backoff": {
            "init_backoff": timedelta(milliseconds=100),
            "max_backoff": timedelta(milliseconds=500),
        },
    }
    return S3Store(
        settings.bucket,
        prefix=settings.prefix or None,
        config=_connection(settings, checksum=checksum),
        client_options=options,
        retry_config=retry,
    )


def _connection(settings: ObjectStoreSettings, *, checksum: bool) -> S3Config:
    """The region, endpoint, credentials and checksum choice of a client, as obstore names them."""
    config: S3Config = {"region": settings.region}
    if settings.endpoint is not None:
        config["endpoint"] = settings.endpoint
    if settings.access_key_id is not None and settings.secret_access_key is not None:
        config["access_key_id"] = settings.access_key_id
        config["secret_access_key"] = settings.secret_access_key
    if settings.session_token is not None:
        config["session_token"] = settings.session_token
    if checksum:
        config["checksum_algorithm"] = "SHA256"
    return config


def _digests(data: bytes) -> tuple[str, str]:
    """The SHA-256 and MD5 of a file, in one place for both stores' callers."""
    return (
        hashlib.sha256(data).hexdigest(),
        hashlib.md5(data, usedforsecurity=False).hexdigest(),
    )


def _first_line(error: BaseException) -> str:
    """The client's own words, without the debug dump that follows them."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _failure(error: Exception, what: str, seconds: float) -> Exception:
    """What a failed request means here: a refused upload, or the store being unavailable."""
    words = _first_line(error)
    if any(f"<Code>{code}</Code>" in str(error) for code in _CHECKSUM_REFUSALS):
        return UploadRefused(
            f"the file store refused {what.removeprefix('storing ')}: the bytes that arrived "
            "do not match their checksum (BadDigest); nothing was stored"
        )
    if isinstance(error, TimeoutError):
        log.warning("file store: %s took longer than %g s", what, seconds)
        return StoreUnavailable(f"the file store did not answer {what} within {seconds:g} s")
    log.warning("file store failed %s: %s", what, words)
    if isinstance(error, PermissionDeniedError | UnauthenticatedError):
        return StoreUnavailable(f"the file store refused access for {what}; check its credentials")
    return StoreUnavailable(f"the file store could not be reached for {what}")


async def _chunks_of(path: Path) -> AsyncIterator[bytes]:
    """A file on disk a chunk at a time, each read off the event loop."""
    with path.open("rb") as handle:
        while chunk := await asyncio.to_thread(handle.read, CHUNK_SIZE):
            yield chunk


class S3FileStore:
    """Files as objects in a bucket, uploaded in one part, so an object's ETag is its MD5."""

    def __init__(
        self,
        uploads: S3Store,
        reads: S3Store,
        downloads: S3Store,
        *,
        read_timeout: float,
        write_timeout: float,
        concurrency: int = VERIFY_CONCURRENCY,
        settings: ObjectStoreSettings | None = None,
        max_file_bytes: int = SINGLE_PART_LIMIT,
    ) -> None:
        self.max_file_bytes = max_file_bytes
        # Where the bucket is, for tools that need a client of their own (copies, tests).
        self.settings = settings
        self._uploads = uploads
        self._reads = reads
        self._downloads = downloads
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout
        self.concurrency = concurrency

    @classmethod
    def from_settings(
        cls,
        settings: ObjectStoreSettings,
        *,
        read_timeout: float,
        write_timeout: float,
        max_file_bytes: int = SINGLE_PART_LIMIT,
    ) -> S3FileStore:
        """The store for a bucket, with the read and write deadlines of the settings."""
        return cls(
            max_file_bytes=max_file_bytes,
            uploads=s3_client(settings, timeout=write_timeout),
            reads=s3_client(settings, timeout=read_timeout),
            downloads=s3_client(settings, timeout=read_timeout, per_read=True),
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            settings=settings,
        )

    async def _within(self, call: Awaitable[T], seconds: float, what: str) -> T:
        """One request under its deadline, its failure said in the store's own terms."""
        try:
            return await asyncio.wait_for(call, seconds + GRACE_SECONDS)
        except (FileNotFoundError, StopAsyncIteration):
            raise
        except Exception as error:
            raise _failure(error, what, seconds) from None

    async def put(self, data: bytes) -> StoredFile:
        """Upload a file with its SHA-256 in the checksum header and in the object's metadata.

        The server recomputes the checksum and refuses the upload (BadDigest) when the bytes
        that arrived are not the ones sent; the answer's ETag must then be the MD5 computed
        here. Storing the same bytes again writes the same object again.
        """
        refuse_too_large(data, self.max_file_bytes)
        if len(data) > CHUNK_SIZE:
            sha256, md5 = await asyncio.to_thread(_digests, data)
        else:
            sha256, md5 = _digests(data)
        upload = obstore.put_async(
            self._uploads,
            object_name(sha256),
            data,
            attributes={SHA256_METADATA: sha256},
            use_multipart=False,
        )
        result = await self._within(upload, self.write_timeout, f"storing {sha256}")
        etag = (result["e_tag"] or "").strip('"')
        if _MD5_RE.match(etag) and etag != md5:
            raise UploadRefused(
                f"the file store answered the upload of {sha256} with ETag {etag}, "
                f"not its MD5 {md5}"
            )
        return StoredFile(key=sha256, size=len(data), sha256=sha256, md5=md5)

    async def put_file(self, path: Path, digests: Digests | None = None) -> StoredFile:
        """Upload a file from disk in parts of PART_SIZE, so it is never whole in memory.

        For files the service writes itself (a move's manifest): a file of more than one
        part has an ETag that is no MD5, so it is never checked from the listing. The client
        is handed the file a chunk at a time and sends each part before it takes the next
        one, so an upload holds one part whatever the file's size: given the path, it read
        the next part while one was sent, and with two parts in flight a move's manifest
        held 15 MB instead of 5.
        """
        if digests is None:
            digests = await asyncio.to_thread(file_digests, path)
        size, sha256, md5 = digests
        upload = obstore.put_async(
            self._uploads,
            object_name(sha256),
            _chunks_of(path),
            attributes={SHA256_METADATA: sha256},
            chunk_size=PART_SIZE,
            max_concurrency=1,
        )
        parts = 1 + size // PART_SIZE
        await self._within(upload, self.write_timeout * parts, f"storing {sha256}")
        return StoredFile(key=sha256, size=size, sha256=sha256, md5=md5)

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        """Read a file in chunks, each within the read deadline, never whole in memory."""
        if not is_key(key):
            raise FileNotStoredError(key)
        what = f"reading {key}"
        try:
            result = await self._within(
                obstore.get_async(self._downloads, object_name(key)), self.read_timeout, what
            )
        except FileNotFoundError:
            raise FileNotStoredError(key) from None
        chunks = result.stream(min_chunk_size=CHUNK_SIZE)
        while True:
            try:
                chunk = await self._within(anext(chunks), self.read_timeout, what)
            except StopAsyncIteration:
                return
            yield chunk

    async def _sha256(self, key: str) -> str | None:
        """The SHA-256 of what the store holds for a key, or None when it holds nothing."""
        if not is_key(key):
            return None
        return await self._within(self._hash_object(key), self.read_timeout, f"reading {key}")

    async def _hash_object(self, key: str) -> str | None:
        """GET one object and hash it as it arrives."""
        try:
            result = await obstore.get_async(self._reads, object_name(key))
        except FileNotFoundError:
            return None
        digest = hashlib.sha256()
        async for chunk in result.stream(min_chunk_size=CHUNK_SIZE):
            digest.update(chunk)
        return digest.hexdigest()

    async def checksum(self, key: str) -> str:
        """Recompute the SHA-256 of what is stored, to prove a file is intact."""
        sha256 = await self._sha256(key)
        if sha256 is None:
            raise FileNotStoredError(key)
        return sha256

    async def verify(self, expected: Sequence[tuple[str, str]]) -> list[str]:
        """Check many (key, sha256) pairs, several at once; returns the keys that fail.

        A store that cannot be reached raises StoreUnavailable instead: an outage says
        nothing about the files.
        """
        pairs = iter(expected)
        bad: set[str] = set()

        async def check() -> None:
            for key, sha256 in pairs:  # the workers share the iterator: each takes the next
                if await self._sha256(key) != sha256:
                    bad.add(key)

        workers = [
            asyncio.ensure_future(check()) for _ in range(min(self.concurrency, len(expected)))
        ]
        try:
            await asyncio.gather(*workers)
        finally:
            for worker in workers:
                worker.cancel()
        return [key for key, _ in expected if key in bad]

    async def diagnose(self, key: str, sha256: str) -> FileProblem | None:
        """Why one file failed its check: missing, or with other bytes than were stored."""
        found = await self._sha256(key)
        if found is None:
            return FileProblem.MISSING
        return None if found == sha256 else FileProblem.DAMAGED

    async def listing(self, prefix: str = "") -> AsyncIterator[list[ListedFile]]:
        """Every object under the prefix with its size and ETag, without reading any.

        A range of the fan-out (`ab/` or `ab/cd/`) lists only the objects in it, so disjoint
        ranges can be listed side by side.
        """
        if prefix and not is_range(prefix):
            raise ValueError(f"not a range of the store: {prefix!r}")
        pages = obstore.list(self._reads, prefix=prefix or None, chunk_size=LISTING_CHUNK)
        while True:
            try:
                page = await self._within(anext(pages), self.read_timeout, "listing the files")
            except StopAsyncIteration:
                return
            found = [
                ListedFile(
                    key=meta["path"].rsplit("/", 1)[-1],
                    size=meta["size"],
                    etag=(meta["e_tag"] or "").strip('"') or None,
                )
                for meta in page
            ]
            if listed := [entry for entry in found if is_key(entry.key)]:
                yield listed
