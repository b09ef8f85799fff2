"""Where document bytes live: content-addressed, so a file is written once and verified by hash.

The interface every file store implements, and the local one: a directory tree read with plain
file I/O. The S3-compatible one is in `overdracht/s3_store.py`; `overdracht/storage.py` picks
one from the settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import queue
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import CancelledError, Executor, Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

CHUNK_SIZE = 256 * 1024
HEX_DIGITS = "0123456789abcdef"
READ_AHEAD_THREADS = 4
VERIFY_SLICE = 125
WILL_NEED = getattr(os, "POSIX_FADV_WILLNEED", None)
READ_TIMEOUT_SECONDS = 30.0
# The largest object S3 takes in one part: uploads stay single-part, so an ETag is the MD5.
SINGLE_PART_LIMIT = 5 * 1024**3
WRITE_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class StoredFile:
    """What the database records of a file: where to find it, how big, and its checksums.

    All three are computed from the bytes as they are stored, so the record always matches
    what was handed over; the MD5 is what an object store's ETag of a single-part upload is.
    """

    key: str
    size: int
    sha256: str
    md5: str


@dataclass(frozen=True, slots=True)
class ListedFile:
    """One file as a listing of the store shows it, without reading it: for checks in bulk.

    `etag` is the object store's ETag (the MD5 of a single-part upload); the local store has
    none and leaves it None.
    """

    key: str
    size: int
    etag: str | None


def object_name(key: str) -> str:
    """Where a key lives inside a store: two levels of fan-out, as `ab/cd/abcd…`."""
    return f"{key[:2]}/{key[2:4]}/{key}"


def is_range(prefix: str) -> bool:
    """Whether a prefix names a range of the fan-out (`ab/` or `ab/cd/`), never a path."""
    parts = prefix.split("/")
    return (
        prefix.endswith("/")
        and 2 <= len(parts) <= 3
        and all(len(part) == 2 and not part.strip(HEX_DIGITS) for part in parts[:-1])
    )


def is_key(key: str) -> bool:
    """Whether a key is one this store hands out (a SHA-256 in hex), never a path."""
    return len(key) == 64 and not key.strip(HEX_DIGITS)


class FileNotStoredError(LookupError):
    """A document points at a file the store does not hold."""


class NotARegularFile(OSError):
    """A stored name that is a FIFO, a device or a directory: never opened for reading."""


class StoreUnavailable(OSError):
    """The store did not answer, or not in time: an outage, not a problem of one file.

    A download answers 503 and a move fails as STORAGE_UNAVAILABLE, to be retried once the
    store is back; nothing is concluded about the files themselves.
    """


class UploadRefused(ValueError):
    """The store refused to keep a file because what arrived is not what was sent."""


class FileTooLarge(ValueError):
    """A file above the store's maximum size: refused before anything is stored."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"a document's file may be at most {limit:,} bytes (OVERDRACHT_MAX_DOCUMENT_BYTES); "
            f"this one has {size:,}: nothing was stored"
        )
        self.size = size
        self.limit = limit


def refuse_too_large(data: bytes, limit: int) -> None:
    """Every store's put starts here, so both keep the same maximum."""
    if len(data) > limit:
        raise FileTooLarge(len(data), limit)


class FileReadTimeout(TimeoutError):
    """Reading one stored file took longer than the deadline; the key says which."""

    def __init__(self, key: str, seconds: float) -> None:
        super().__init__(f"reading {key} took longer than {seconds:g} s")
        self.key = key
        self.seconds = seconds


def open_regular(name: str) -> int:
    """Open a stored file for reading without ever blocking on the open itself.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; a name
    that is not a regular file is then refused, so nothing reads from a pipe or a device.
    """
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(f"{name} is not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd


class DaemonThreads(Executor):
    """Worker threads that never keep the process alive: a read stuck in the kernel is left
    behind when its deadline passes, and the process can still exit."""

    def __init__(self, count: int, name: str) -> None:
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None]
        self._work = queue.SimpleQueue()
        self._count = count
        for number in range(count):
            threading.Thread(target=self._run, name=f"{name}-{number}", daemon=True).start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._work.put((future, lambda: fn(*args, **kwargs)))
        return future

    def _run(self) -> None:
        while (job := self._work.get()) is not None:
            future, call = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as error:  # handed to whoever awaits the future
                future.set_exception(error)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        for _ in range(self._count):
            self._work.put(None)


# Size, SHA-256 and MD5 of a file's bytes.
Digests = tuple[int, str, str]


class Digesting:
    """The digests of bytes worked out as they go by, a chunk at a time."""

    def __init__(self) -> None:
        self._sha256 = hashlib.sha256()
        self._md5 = hashlib.md5(usedforsecurity=False)
        self._size = 0

    def update(self, chunk: bytes) -> None:
        """Take the next chunk (hashlib lets go of the GIL for chunks this size)."""
        self._sha256.update(chunk)
        self._md5.update(chunk)
        self._size += len(chunk)

    def digests(self) -> Digests:
        """Size, SHA-256 and MD5 of every chunk so far."""
        return self._size, self._sha256.hexdigest(), self._md5.hexdigest()


def file_digests(path: Path) -> Digests:
    """Size, SHA-256 and MD5 of a file on disk, read in chunks: never whole in memory."""
    digesting = Digesting()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digesting.update(chunk)
    return digesting.digests()


class FileProblem(StrEnum):
    """What is wrong with one stored file, found after a verification failed."""

    MISSING = "MISSING"
    UNREADABLE = "UNREADABLE"
    DAMAGED = "DAMAGED"


class FileStore(Protocol):
    """The interface any file store implements, so the bucket can replace the directory.

    Keys are content hashes, never names of an office or an administration. Every call ends
    within the store's deadlines; one that cannot raises StoreUnavailable (or FileReadTimeout
    for one local file whose read hangs). `put_file` takes the file's digests from a caller
    that worked them out from the very bytes it wrote (a move's manifest, on the move's
    critical path), and otherwise reads the file once more to work them out.
    """

    async def put(self, data: bytes) -> StoredFile: ...

    async def put_file(self, path: Path, digests: Digests | None = None) -> StoredFile: ...

    def stream(self, key: str) -> AsyncIterator[bytes]: ...

    async def checksum(self, key: str) -> str: ...

    async def verify(self, expected: Sequence[tuple[str, str]]) -> list[str]: ...

    async def diagnose(self, key: str, sha256: str) -> FileProblem | None: ...

    def listing(self, prefix: str = "") -> AsyncIterator[list[ListedFile]]: ...


def _subdirectories(path: str) -> list[str]:
    """The fan-out directories below one level of the store, in order."""
    try:
        with os.scandir(path) as entries:
            return sorted(e.name for e in entries if e.is_dir(follow_symlinks=False))
    except FileNotFoundError:
        return []


def _files_in(path: str) -> list[ListedFile]:
    """The stored files of one fan-out directory; half-written `.incoming-` files are not."""
    with os.scandir(path) as entries:
        found = [
            ListedFile(key=entry.name, size=entry.stat(follow_symlinks=False).st_size, etag=None)
            for entry in entries
            if is_key(entry.name) and entry.is_file(follow_symlinks=False)
        ]
    return sorted(found, key=lambda listed: listed.key)


class DirectoryFileStore:
    """Files in a directory tree, named by their SHA-256 and written atomically."""

    def __init__(
        self,
        root: Path,
        read_ahead_threads: int = READ_AHEAD_THREADS,
        *,
        read_timeout: float = READ_TIMEOUT_SECONDS,
        write_timeout: float = WRITE_TIMEOUT_SECONDS,
        max_file_bytes: int = SINGLE_PART_LIMIT,
    ) -> None:
        self.root = Path(root)
        self.max_file_bytes = max_file_bytes
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout
        self._writers = DaemonThreads(2, "write")
        # One thread hashes: with more, they spend their time waiting for each other's turn
        # to run Python, and a move verified a warm archive twice as slowly with eight. The
        # waiting for the disk is done by the read-ahead threads instead.
        self._hasher = DaemonThreads(1, "verify")
        self._readers = DaemonThreads(read_ahead_threads, "read-ahead")
        # The file the hasher is reading and since when, for the deadline's watchdog.
        self._reading: tuple[str, float] | None = None

    def _path(self, key: str) -> Path:
        name = self._name(os.fspath(self.root), key)
        if name is None:
            raise FileNotStoredError(key)
        return Path(name)

    @staticmethod
    def _name(root: str, key: str) -> str | None:
        """Where a key's file lives, or None for a key that is no SHA-256 (never a path)."""
        if not is_key(key):
            return None
        return f"{root}/{object_name(key)}"

    def _write(self, data: bytes) -> StoredFile:
        digest = hashlib.sha256(data).hexdigest()
        md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
        path = self._path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return StoredFile(key=digest, size=len(data), sha256=digest, md5=md5)

    async def put(self, data: bytes) -> StoredFile:
        """Store bytes once; storing the same bytes again costs nothing.

        A write that hangs (a dead network disk) is left on its daemon thread when the
        deadline passes, and the caller learns that the store is unavailable.
        """
        refuse_too_large(data, self.max_file_bytes)
        writing = asyncio.wrap_future(self._writers.submit(self._write, data))
        try:
            return await asyncio.wait_for(writing, self.write_timeout)
        except TimeoutError:
            raise StoreUnavailable(
                f"storing a file took longer than {self.write_timeout:g} s"
            ) from None

    def _write_file(self, source: Path, digests: Digests | None) -> StoredFile:
        size, digest, md5 = digests or file_digests(source)
        path = self._path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as handle, source.open("rb") as original:
                    shutil.copyfileobj(original, handle, CHUNK_SIZE)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return StoredFile(key=digest, size=size, sha256=digest, md5=md5)

    async def put_file(self, path: Path, digests: Digests | None = None) -> StoredFile:
        """Store a file from disk, copied in chunks: for files the service writes itself,
        which may hand over the digests it worked out while writing (see FileStore)."""
        writing = asyncio.wrap_future(self._writers.submit(self._write_file, path, digests))
        try:
            return await asyncio.wait_for(writing, self.write_timeout)
        except TimeoutError:
            raise StoreUnavailable(
                f"storing a file took longer than {self.write_timeout:g} s"
            ) from None

    async def listing(self, prefix: str = "") -> AsyncIterator[list[ListedFile]]:
        """Every stored file with its size, a directory of the fan-out at a time.

        A prefix (`ab/` or `ab/cd/`) lists only that range of the fan-out.
        """
        if prefix and not is_range(prefix):
            raise ValueError(f"not a range of the store: {prefix!r}")
        root = os.fspath(self.root)
        parts = prefix.split("/")[:-1]
        firsts = parts[:1] or await asyncio.to_thread(_subdirectories, root)
        for first in firsts:
            seconds = parts[1:2] or await asyncio.to_thread(_subdirectories, f"{root}/{first}")
            for second in seconds:
                if not os.path.isdir(f"{root}/{first}/{second}"):
                    continue
                found = await asyncio.to_thread(_files_in, f"{root}/{first}/{second}")
                if found:
                    yield found

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        """Read a file in chunks so a large document never sits whole in memory."""
        path = self._path(key)
        try:
            fd = await asyncio.to_thread(open_regular, os.fspath(path))
        except (FileNotFoundError, NotARegularFile):
            raise FileNotStoredError(key) from None
        handle = os.fdopen(fd, "rb")
        try:
            while True:
                reading = self._readers.submit(handle.read, CHUNK_SIZE)
                try:
                    chunk = await asyncio.wait_for(asyncio.wrap_future(reading), self.read_timeout)
                except TimeoutError:
                    raise FileReadTimeout(key, self.read_timeout) from None
                if not chunk:
                    break
                yield chunk
        finally:
            handle.close()

    def _checksum(self, key: str) -> str:
        digest = hashlib.sha256()
        try:
            with os.fdopen(open_regular(os.fspath(self._path(key))), "rb") as handle:
                while chunk := handle.read(CHUNK_SIZE):
                    digest.update(chunk)
        except (FileNotFoundError, NotARegularFile):
            raise FileNotStoredError(key) from None
        return digest.hexdigest()

    async def checksum(self, key: str) -> str:
        """Recompute the SHA-256 of what is stored, to prove a file is intact."""
        return await asyncio.to_thread(self._checksum, key)

    def _diagnose(self, key: str, sha256: str) -> FileProblem | None:
        name = self._name(os.fspath(self.root), key)
        if name is None:
            return FileProblem.MISSING
        try:
            handle = os.fdopen(open_regular(name), "rb")
        except FileNotFoundError:
            return FileProblem.MISSING
        except OSError:  # no permission, not a regular file, an I/O error
            return FileProblem.UNREADABLE
        digest = hashlib.sha256()
        try:
            with handle:
                while chunk := handle.read(CHUNK_SIZE):
                    digest.update(chunk)
        except OSError:
            return FileProblem.UNREADABLE
        return None if digest.hexdigest() == sha256 else FileProblem.DAMAGED

    async def diagnose(self, key: str, sha256: str) -> FileProblem | None:
        """Why one file failed its check: missing, unreadable, or with other bytes than stored."""
        job = self._readers.submit(self._diagnose, key, sha256)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(job), self.read_timeout)
        except TimeoutError:
            return FileProblem.UNREADABLE

    def _read_ahead(self, keys: Sequence[str]) -> None:
        # Opening looks the file up (synchronous, and a disk read when its inode is not in
        # memory); the advice then queues the read of its bytes without waiting for it. Only
        # a hint: a file that cannot be opened here is left for _verify to name.
        root = os.fspath(self.root)
        for key in keys:
            name = self._name(root, key)
            if name is None:
                continue
            try:
                fd = open_regular(name)
            except OSError:
                continue
            try:
                if WILL_NEED is not None:
                    os.posix_fadvise(fd, 0, 0, WILL_NEED)
            except OSError:
                pass
            finally:
                os.close(fd)

    def _verify(self, expected: Sequence[tuple[str, str]]) -> list[str]:
        # The hot loop of a move, so plain descriptors and one reused buffer: through Path
        # objects and buffered files, checking 300,000 small files took three times as long
        # and the process grew by 8 MB per 100,000 files.
        root = os.fspath(self.root)
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        readv, sha256_of = os.readv, hashlib.sha256
        bad = []
        for key, expected_sha in expected:
            name = self._name(root, key)
            if name is None:
                bad.append(key)
                continue
            self._reading = (key, time.monotonic())
            try:
                fd = open_regular(name)
            except OSError:
                bad.append(key)
                continue
            digest = sha256_of()
            try:
                while count := readv(fd, [buffer]):
                    digest.update(view[:count])
            except OSError:
                bad.append(key)
                continue
            finally:
                os.close(fd)
                self._reading = None
            if digest.hexdigest() != expected_sha:
                bad.append(key)
        return bad

    async def verify(self, expected: Sequence[tuple[str, str]]) -> list[str]:
        """Check many (key, sha256) pairs; returns the keys that fail.

        A cold archive costs a random disk read or two per file, and read one after another
        they wait on each other. So the read-ahead threads ask the disk for every slice at
        once, keeping many reads in flight, and one thread hashes the slices in order as
        they arrive. Calls may overlap: a caller can hand over the next batch before this one
        is done, so its reads are under way when the hashing reaches it.
        """
        slices = [expected[i : i + VERIFY_SLICE] for i in range(0, len(expected), VERIFY_SLICE)]
        asked = [self._readers.submit(self._read_ahead, [k for k, _ in part]) for part in slices]
        hashing = asyncio.wrap_future(self._hasher.submit(self._verify_as_read, slices, asked))
        try:
            while True:
                done, _ = await asyncio.wait({hashing}, timeout=min(1.0, self.read_timeout / 4))
                if done:
                    problems: list[str] = hashing.result()
                    return problems
                self._check_deadline()
        finally:
            for reading in asked:
                reading.cancel()

    def _check_deadline(self) -> None:
        """Raise for a file read that is past its deadline, and hash on a fresh thread.

        A read stuck in the kernel cannot be interrupted; its daemon thread is left behind,
        so the next verification does not queue behind it and the process can still exit.
        """
        reading = self._reading
        if reading is None or time.monotonic() - reading[1] < self.read_timeout:
            return
        self._hasher.shutdown(wait=False)
        self._hasher = DaemonThreads(1, "verify")
        self._reading = None
        raise FileReadTimeout(reading[0], self.read_timeout)

    def _verify_as_read(
        self, slices: Sequence[Sequence[tuple[str, str]]], asked: Sequence[Future[None]]
    ) -> list[str]:
        bad: list[str] = []
        for part, reading in zip(slices, asked, strict=True):
            # Only a hint: a read-ahead stuck on the disk is not waited for past the deadline,
            # and the read itself then runs under the watchdog.
            with contextlib.suppress(CancelledError, FutureTimeout):
                reading.result(timeout=self.read_timeout)
            bad += self._verify(part)
        return bad
