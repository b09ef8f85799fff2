"""The move on object storage: one administration of N documents in an S3 bucket, verified
from the store's listing by the real engine, beside the raw re-key statement and the listing.

Run from the project root (PostgreSQL must answer; SeaweedFS comes with the test extra):

    .venv/bin/python -m benchmarks.move_on_s3                        # 100,000 documents
    .venv/bin/python -m benchmarks.move_on_s3 --scales 100000,1000000

Per scale it starts a SeaweedFS of its own on loopback, builds the offices of
benchmarks.move_archive on a throwaway database, uploads every document's file through the
project's own S3FileStore.put (checksum header, ETag checked against the MD5), offers and claims
the administration, and then, all in one run and with the page cache dropped before each:
times the raw statement that re-keys the archive's rows (the reference of move_archive), times
a listing of the same keys as the engine lists them (the disjoint ranges side by side), and
runs the real Mover in a fresh process with OVERDRACHT_FILE_STORE pointing at the bucket,
so its peak memory is the move's own. Goals: move at 1M <= 2x the raw statement, peak memory
<= 64 MB, cost linear in documents.

With --keep the bucket and the database named after the scale stay, and the next --keep run
resets the move instead of uploading again (a million uploads take most of an hour on two
cores). --memory-trace rss has the move process print its RSS and malloc's heaps every second,
--memory-trace python also the Python allocations alive at its peak.
"""

from __future__ import annotations

import argparse
import asyncio
import builtins
import contextlib
import ctypes
import functools
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from benchmarks.move_archive import (
    ADMIN_URL,
    ARCHIVE_FINGERPRINT,
    CHUNK,
    COPY_COLUMNS,
    World,
    _create_parties,
    _records,
    _rss_kb,
    _save_world,
    check_end_state,
    document_body,
    drop_page_cache,
    offer_and_claim,
    reuse,
    time_raw_statement,
    timed_move,
)
from overdracht.scratch_database import (
    connected,
    fresh_database,
    throwaway_database,
    with_database,
)

RATIO_TARGET = 2.0
MEMORY_TARGET_MB = 64
LINEARITY_TOLERANCE = 1.25
UPLOADS_IN_FLIGHT = 48
DEADLINE_SECONDS = 30.0


def _store(environment: dict[str, str]) -> Any:
    """The project's S3 store for the benchmark's bucket, as the service would build it."""
    from overdracht.settings import load_settings
    from overdracht.storage import open_file_store

    return open_file_store(load_settings({**os.environ, **environment}))


async def upload(store: Any, start: int, stop: int) -> list[tuple[str, int, str]]:
    """Store documents start..stop through S3FileStore.put, several uploads in flight."""
    indexes = iter(range(start, stop))
    written: dict[int, tuple[str, int, str]] = {}

    async def uploader() -> None:
        for index in indexes:
            stored = await store.put(document_body(index))
            written[index] = (stored.key, stored.size, stored.md5)

    await asyncio.gather(*(uploader() for _ in range(UPLOADS_IN_FLIGHT)))
    return [written[index] for index in range(start, stop)]


async def build(url: str, environment: dict[str, str], documents: int) -> World:
    """The offices of move_archive, and the archive's files uploaded to the bucket."""
    from overdracht.db import close_database
    from overdracht.scratch_database import open_migrated

    started = time.perf_counter()
    await open_migrated(url)
    world = await _create_parties(documents)
    store = _store(environment)
    async with connected(url) as conn:
        for start in range(0, documents, CHUNK):
            stop = min(start + CHUNK, documents)
            written = await upload(store, start, stop)
            await conn.copy_records_to_table(
                "document", records=_records(world, start, written), columns=COPY_COLUMNS
            )
            rate = stop / (time.perf_counter() - started)
            print(f"    {stop:,} uploaded ({rate:,.0f}/s)", file=sys.stderr, flush=True)
        await conn.execute("VACUUM ANALYZE document")
        await _save_world(conn, world)
    await close_database()
    world.build_seconds = time.perf_counter() - started
    return world


async def time_listing(environment: dict[str, str], documents: int) -> tuple[float, int]:
    """Seconds to list every key of the bucket as the engine does: 256 ranges, 8 at a time."""
    from worker.listing_check import FAN_OUT, RANGES_IN_FLIGHT, store_range

    store = _store(environment)
    prefixes = iter(format(n, "02x") for n in range(FAN_OUT))
    counted = 0

    async def lister() -> None:
        nonlocal counted
        for prefix in prefixes:
            async for page in store.listing(store_range(prefix)):
                counted += len(page)

    started = time.perf_counter()
    await asyncio.gather(*(lister() for _ in range(RANGES_IN_FLIGHT)))
    return time.perf_counter() - started, counted


class _MallInfo2(ctypes.Structure):
    """glibc's mallinfo2: what malloc holds from the system, in use and free, over all arenas."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _malloc_words() -> str:
    """malloc's heaps in use and free-but-kept (glibc only), beside the RSS of a trace line."""
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except AttributeError:
        return ""
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (
        f" malloc: in use {info.uordblks / 2**20:5.1f} MB, free in heaps "
        f"{info.fordblks / 2**20:5.1f} MB, mapped {info.hblkhd / 2**20:5.1f} MB"
    )


class MemoryTrace(threading.Thread):
    """With --memory-trace: the move process's RSS every second and, with tracemalloc, the
    Python allocations alive at the highest RSS, to find what grows with the archive."""

    def __init__(self, python: bool) -> None:
        super().__init__(daemon=True)
        self.python = python
        self.stopped = threading.Event()
        self.peak_kb = 0
        self.at_peak: tracemalloc.Snapshot | None = None
        self.started = time.perf_counter()

    def run(self) -> None:
        last_line = 0.0
        while not self.stopped.wait(0.05):
            rss = _rss_kb()
            if rss > self.peak_kb + 1024 and self.python:
                self.at_peak = tracemalloc.take_snapshot()
            self.peak_kb = max(self.peak_kb, rss)
            now = time.perf_counter() - self.started
            if now - last_line >= 1.0:
                last_line = now
                traced, _ = tracemalloc.get_traced_memory()
                print(
                    f"    t={now:6.1f}s rss={rss / 1024:6.1f} MB python={traced / 2**20:6.1f} MB"
                    + _malloc_words(),
                    file=sys.stderr,
                    flush=True,
                )

    def report(self) -> None:
        """The largest Python allocations alive when the RSS was highest, by where made."""
        print(f"    highest RSS {self.peak_kb / 1024:.1f} MB", file=sys.stderr)
        if self.at_peak is None:
            return
        stats = self.at_peak.filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)]
        ).statistics("traceback")
        total = sum(stat.size for stat in stats)
        print(f"    python allocations alive then: {total / 2**20:.1f} MB", file=sys.stderr)
        for stat in stats[:12]:
            print(f"    {stat.size / 1024:8.0f} KiB in {stat.count} blocks", file=sys.stderr)
            for line in stat.traceback.format()[-6:]:
                print(f"        {line}", file=sys.stderr)


async def move_only(url: str, memory_trace: str | None = None) -> dict[str, Any]:
    """Take and move the one queued administration with the real mover, on the bucket."""
    from overdracht.clock import SystemClock
    from overdracht.db import open_database
    from overdracht.settings import load_settings
    from overdracht.storage import open_file_store
    from worker.mover import Mover

    settings = load_settings().with_overrides(database_url=url, background_jobs=False)
    await open_database(url)
    engine = Mover(settings, SystemClock(), open_file_store(settings))
    trace = MemoryTrace(memory_trace == "python") if memory_trace else None
    if trace is not None:
        if trace.python:
            tracemalloc.start(12)
        trace.start()
    result = await timed_move(engine)
    if trace is not None:
        trace.stopped.set()
        trace.join()
        trace.report()
    return {**result, "verification": settings.move_verification.value}


def run_move_process(
    url: str, environment: dict[str, str], memory_trace: str | None = None
) -> dict[str, Any]:
    """The move in a fresh interpreter, so its peak memory is the move's and nothing else."""
    command = [sys.executable, "-m", "benchmarks.move_on_s3", "--move-only", "--database-url", url]
    if memory_trace:
        command.append(f"--memory-trace={memory_trace}")
    done = subprocess.run(
        command,
        env={**os.environ, **environment},
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the move process ended with {done.returncode}")
    result: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return result


@dataclass
class Result:
    """One scale's figures."""

    documents: int
    build_seconds: float
    reused: bool
    raw_seconds: float
    listing_seconds: float
    listed: int
    move_seconds: float
    peak_mb: float
    start_mb: float
    verification: str
    cache: str
    problems: list[str]

    @property
    def ratio(self) -> float:
        return self.move_seconds / self.raw_seconds

    @property
    def ms_per_1000(self) -> float:
        return self.move_seconds / self.documents * 1_000_000


def _server(directory: Path, keep: bool) -> Any:
    """A SeaweedFS on its own directory; a kept one again on the ports it was first given."""
    from tests.file_stores import SeaweedFS

    saved = directory / "server.json"
    if keep and saved.exists():
        return SeaweedFS(directory=directory, **json.loads(saved.read_text(encoding="utf-8")))
    directory.mkdir(parents=True, exist_ok=True)
    server = SeaweedFS.prepare(directory)
    if keep:
        saved.write_text(
            json.dumps({"arguments": server.arguments, "endpoint": server.endpoint}),
            encoding="utf-8",
        )
    return server


async def forget_manifests(url: str, environment: dict[str, str]) -> None:
    """With --keep: delete the manifests of earlier moves, so the bucket holds the archive only."""
    import obstore

    from overdracht.filestore import object_name
    from overdracht.s3_store import s3_client

    try:
        async with connected(url) as conn:
            if not await conn.fetchval("SELECT to_regclass('migration_item') IS NOT NULL"):
                return
            keys = await conn.fetch(
                "SELECT manifest_sha256 FROM migration_item WHERE manifest_sha256 IS NOT NULL"
            )
    except Exception:  # no kept database yet
        return
    client = s3_client(_store(environment).settings, timeout=DEADLINE_SECONDS)
    for (key,) in keys:
        await obstore.delete_async(client, object_name(key))


async def run_scale(documents: int, args: argparse.Namespace) -> Result:
    """One scale: its own SeaweedFS and throwaway database, built, measured and checked; with
    --keep the bucket and the database named after the scale stay, and the next run resets
    the previous move instead of uploading again."""
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = Path(args.data_dir or tempfile.gettempdir()) / f"overdracht-s3-bench-{documents}"
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="overdracht-s3-")))
        server = _server(root, args.keep)
        server.start()
        try:
            environment = {
                **server.environment(f"bench-{documents}"),
                "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS": str(int(DEADLINE_SECONDS)),
                "OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS": str(int(DEADLINE_SECONDS)),
                "OVERDRACHT_SCRUB_FILES_PER_SECOND": "0",
            }
            if args.keep:
                url = with_database(args.admin_url, f"overdracht_s3_bench_{documents}")
                await forget_manifests(url, environment)
                world = await reuse(url, root / "data", documents)
                if world is None:
                    await fresh_database(args.admin_url, url.rsplit("/", 1)[1])
                return await measure(documents, url, environment, args, world)
            async with throwaway_database(
                args.admin_url, f"overdracht_s3_bench_{documents}"
            ) as url:
                return await measure(documents, url, environment, args, None)
        finally:
            server.stop()


async def measure(
    documents: int,
    url: str,
    environment: dict[str, str],
    args: argparse.Namespace,
    world: World | None,
) -> Result:
    """Build (unless a kept archive was reset), offer, claim; the raw statement, the listing
    and the move, each cold; check."""
    from overdracht.db import close_database, open_database

    if world is None:
        print(f"[{documents:,}] uploading the archive …", file=sys.stderr, flush=True)
        world = await build(url, environment, documents)
        print(f"[{documents:,}] built in {world.build_seconds:.1f} s", file=sys.stderr, flush=True)
    else:
        print(f"[{documents:,}] kept archive reset in {world.build_seconds:.1f} s", file=sys.stderr)
    await open_database(url)
    item_id = await offer_and_claim(world)
    await close_database()
    async with connected(url) as conn:
        fingerprint = tuple(await conn.fetchrow(ARCHIVE_FINGERPRINT, world.administration_id))
    raw = await time_raw_statement(url, world.administration_id, args.cache)
    print(f"[{documents:,}] raw statement {raw:.2f} s", file=sys.stderr, flush=True)
    drop_page_cache(args.cache)
    listing, listed = await time_listing(environment, documents)
    print(f"[{documents:,}] listing {listing:.2f} s ({listed:,} keys)", file=sys.stderr, flush=True)
    cache = drop_page_cache(args.cache)
    move = run_move_process(url, environment, args.memory_trace)
    print(f"[{documents:,}] move {move['seconds']:.1f} s ({move['status']})", file=sys.stderr)
    problems = await check_end_state(url, world, item_id, fingerprint)  # type: ignore[arg-type]
    if listed != documents:
        problems.append(f"the listing found {listed:,} keys, not {documents:,}")
    return Result(
        documents=documents,
        build_seconds=world.build_seconds,
        reused=world.reused,
        raw_seconds=raw,
        listing_seconds=listing,
        listed=listed,
        move_seconds=move["seconds"],
        peak_mb=move["peak_mb"],
        start_mb=move["rss_before_mb"],
        verification=move["verification"],
        cache=cache,
        problems=problems,
    )


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_table(results: list[Result], file: TextIO = sys.stdout) -> None:
    """The figures of every scale, and each goal met or not."""
    print = functools.partial(builtins.print, file=file)
    print(
        f"{'documents':>10} {'upload s':>9} {'raw s':>7} {'listing s':>9} {'move s':>7} "
        f"{'move/raw':>8} {'ms/1000':>8} {'start MB':>8} {'peak MB':>8}  verification"
    )
    for r in results:
        print(
            f"{r.documents:>10,} {r.build_seconds:>8.1f}{'*' if r.reused else ' '} "
            f"{r.raw_seconds:>7.2f} "
            f"{r.listing_seconds:>9.2f} {r.move_seconds:>7.2f} {r.ratio:>8.2f} "
            f"{r.ms_per_1000:>8.1f} {r.start_mb:>8.1f} {r.peak_mb:>8.1f}  {r.verification}"
        )
    print(f"cache before each timed part: {results[0].cache}")
    print("start MB: the move process before the move, the interpreter and its libraries loaded")
    if any(r.reused for r in results):
        print("* kept archive reset (--keep), not uploaded")
    largest = max(results, key=lambda r: r.documents)
    print(
        f"move <= {RATIO_TARGET:g}x the raw statement at {largest.documents:,}: "
        f"{largest.ratio:.2f}x, {_verdict(largest.ratio <= RATIO_TARGET)}"
    )
    peak = max(r.peak_mb for r in results)
    print(
        f"peak memory <= {MEMORY_TARGET_MB} MB: {peak:.1f} MB, {_verdict(peak <= MEMORY_TARGET_MB)}"
    )
    if len(results) > 1:
        smallest = min(results, key=lambda r: r.documents)
        growth = largest.ms_per_1000 / smallest.ms_per_1000
        print(
            f"linear (cost per document at {largest.documents:,} within "
            f"{LINEARITY_TOLERANCE:g}x of {smallest.documents:,}): {growth:.2f}x, "
            f"{_verdict(growth <= LINEARITY_TOLERANCE)}"
        )
    for r in results:
        for problem in r.problems:
            print(f"PROBLEM at {r.documents:,}: {problem}")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; --move-only is the subprocess that runs the move."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--scales", help="comma-separated sizes, run one after another")
    parser.add_argument("--admin-url", default=ADMIN_URL, help="PostgreSQL to create databases on")
    parser.add_argument(
        "--cache", choices=("cold", "pages", "asis"), default="cold", help="before each timed part"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the bucket and the database, reuse them"
    )
    parser.add_argument("--data-dir", help="where --keep keeps each scale's bucket")
    parser.add_argument(
        "--memory-trace",
        choices=("rss", "python"),
        help="the move's RSS every second; with python also Python's allocations at its peak "
        "(tracemalloc, which costs memory of its own)",
    )
    parser.add_argument("--move-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> int:
    """Run every asked scale and print one table."""
    args = parse_args(argv)
    if args.move_only:
        logging.basicConfig(level=logging.INFO, format="    %(message)s", stream=sys.stderr)
        result = await move_only(args.database_url, args.memory_trace)
        print(json.dumps(result))
        return 0 if result["status"] == "COMPLETED" else 1
    scales = (
        [int(s.replace("_", "")) for s in args.scales.split(",") if s.strip()]
        if args.scales
        else [args.documents]
    )
    results = []
    for documents in scales:
        results.append(await run_scale(documents, args))
        print_table(results[-1:], file=sys.stderr)  # each scale's figures as soon as it ends
    print()
    print_table(results)
    return 0 if not any(r.problems for r in results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
