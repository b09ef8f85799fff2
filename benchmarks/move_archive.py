"""The move at scale: one administration of N documents with files, moved by the real engine.

Run from the project root (PostgreSQL must answer; see --admin-url):

    .venv/bin/python -m benchmarks.move_archive                      # 100,000 documents
    .venv/bin/python -m benchmarks.move_archive --documents 1000000  # or --million
    .venv/bin/python -m benchmarks.move_archive --scales 100000,1000000

Per scale it builds a source office, a PREMIUM target office with a connection of the same
package, users, and one administration of N documents whose files sit in a DirectoryFileStore
(every document uploaded and approved by a source user, so the move has links to clear). It
offers and claims the administration through the model functions the API uses, then moves it
with the real Mover in a fresh subprocess, so that process's peak memory is the move's own.
As the reference it times one SQL statement doing the archive's change of ownership on a copy
of the same rows, and prints engine time / raw time. Each scale builds a throwaway database of
its own and drops it after; --keep uses the database named after the scale
(overdracht_bench_<N>) and leaves it and the files in place, and the next --keep run only
undoes the previous move instead of building again.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from overdracht.scratch_database import (
    LOCAL_SERVER,
    asyncpg_dsn,
    connected,
    fresh_database,
    throwaway_database,
    with_database,
)

ADMIN_URL = os.environ.get("OVERDRACHT_BENCH_POSTGRES_URL", LOCAL_SERVER)
DATABASE_PREFIX = "overdracht_bench"
CHUNK = 25_000
PDF_SAMPLES = 1_000
FILLER = (
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"% scanned purchase invoice, benchmark filler to give the file a realistic small size.\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
RATIO_TARGET = 1.2
MEMORY_TARGET_MB = 256
LINEARITY_TOLERANCE = 1.25
SOURCE_CLERKS = ("Jan Jansen", "Piet de Boer", "Fatima El Amrani")
SOURCE_APPROVER = "Anna de Vries"
STATUSES = ("BOOKED", "BOOKED", "BOOKED", "APPROVED", "REJECTED")
KINDS = ("PURCHASE_INVOICE", "SALES_INVOICE", "RECEIPT", "BANK_STATEMENT", "OTHER")
COPY_COLUMNS = (
    "administration_id",
    "kind",
    "status",
    "title",
    "file_name",
    "content_type",
    "size",
    "sha256",
    "md5",
    "storage_key",
    "metadata",
    "history",
    "uploaded_by_id",
    "uploaded_by_name",
    "approved_by_id",
    "approved_by_name",
    "created_at",
)


# -- files ---------------------------------------------------------------------------------------


def document_body(index: int) -> bytes:
    """The bytes of document `index`: a real PDF for a sample, cheap distinct bytes for the rest."""
    if index < PDF_SAMPLES:
        from overdracht.pdf import make_pdf

        return make_pdf(f"Factuur {index}", [f"Benchmark document {index}", "Bedrag: 121,00"])
    return b"%%PDF-1.4\n%% overdracht benchmark document %d\n" % index + FILLER


def write_files(root: str, start: int, stop: int) -> list[tuple[str, int, str]]:
    """Write documents start..stop exactly as DirectoryFileStore.put leaves them, minus fsync.

    put writes a temporary file (mode 0600, from mkstemp) and renames it to
    <root>/<key[:2]>/<key[2:4]>/<key>; the end state is the same file with the same mode.
    Skipping the per-file fsync is what makes a million files take a minute, not an hour.
    """
    written = []
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    for index in range(start, stop):
        data = document_body(index)
        key = hashlib.sha256(data).hexdigest()
        path = f"{root}/{key[:2]}/{key[2:4]}/{key}"
        try:
            fd = os.open(path, flags, 0o600)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, flags, 0o600)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        written.append((key, len(data), hashlib.md5(data, usedforsecurity=False).hexdigest()))
    return written


# -- the world -----------------------------------------------------------------------------------


@dataclass
class World:
    """What the build made and the move and the checks need to find again."""

    documents: int
    administration_id: int
    source_id: int
    source_connection_id: int
    target_id: int
    target_connection_id: int
    code: str
    inbound_mail_address: str
    users: dict[str, int]
    build_seconds: float = 0.0
    reused: bool = False


async def _create_parties(documents: int) -> World:
    """Offices, users, connections and the empty administration, through the project's models."""
    from models import AccountingConnection, Environment, User, add_administration
    from models.enums import AccountingPackage, Plan, Role
    from overdracht.settings import Settings

    now = datetime.now(UTC)
    source = await Environment.create(
        office_code="K10234", name="Administratiekantoor Jansen", plan=Plan.STANDARD, created_at=now
    )
    target = await Environment.create(
        office_code="K20567", name="Bosman Accountants", plan=Plan.PREMIUM, created_at=now
    )
    users = {}
    people = [(SOURCE_APPROVER, Role.SUPERUSER)] + [(n, Role.USER) for n in SOURCE_CLERKS]
    for number, (name, role) in enumerate(people):
        user = await User.create(
            environment=source,
            email=f"user{number}@k10234.example",
            display_name=name,
            role=role,
            created_at=now,
        )
        users[name] = user.pk
    await User.create(
        environment=target,
        email="eva@bosman.example",
        display_name="Eva Bosman",
        role=Role.SUPERUSER,
        created_at=now,
    )
    source_conn = await AccountingConnection.create(
        environment=source, package=AccountingPackage.EXACT_ONLINE, name="Exact", created_at=now
    )
    target_conn = await AccountingConnection.create(
        environment=target, package=AccountingPackage.EXACT_ONLINE, name="Exact", created_at=now
    )
    administration = await add_administration(
        source_conn,
        code="4711",
        name="Bakkerij De Korst",
        domain=Settings().inbound_mail_domain,
        now=now,
    )
    return World(
        documents=documents,
        administration_id=administration.pk,
        source_id=source.pk,
        source_connection_id=source_conn.pk,
        target_id=target.pk,
        target_connection_id=target_conn.pk,
        code=administration.code,
        inbound_mail_address=administration.inbound_mail_address,
        users=users,
    )


def _records(world: World, start: int, written: Sequence[tuple[str, int, str]]) -> Iterator[tuple]:
    """Document rows for files start.., each uploaded and approved by a source user (rule 4)."""
    created = datetime(2024, 1, 1, tzinfo=UTC)
    approver_id = world.users[SOURCE_APPROVER]
    for offset, (key, size, md5) in enumerate(written):
        index = start + offset
        clerk = SOURCE_CLERKS[index % len(SOURCE_CLERKS)]
        status = STATUSES[index % len(STATUSES)]
        at = (created + timedelta(minutes=index)).isoformat()
        history = json.dumps(
            [
                {"at": at, "action": "UPLOADED", "by": clerk},
                {"at": at, "action": status, "by": SOURCE_APPROVER},
            ]
        )
        yield (
            world.administration_id,
            KINDS[index % len(KINDS)],
            status,
            f"Factuur {index}",
            f"factuur-{index}.pdf",
            "application/pdf",
            size,
            key,
            md5,
            key,
            f'{{"invoice_number": "F-{index:08d}", "amount": "{index % 9973}.00"}}',
            history,
            world.users[clerk],
            clerk,
            approver_id,
            SOURCE_APPROVER,
            created + timedelta(minutes=index),
        )


async def build(url: str, files_root: Path, documents: int) -> World:
    """Build the two offices and the archive: files by two processes, rows by COPY."""
    from overdracht.filestore import DirectoryFileStore
    from overdracht.scratch_database import open_migrated

    started = time.perf_counter()
    await open_migrated(url)
    world = await _create_parties(documents)
    files_root.mkdir(parents=True, exist_ok=True)
    # The project's own put for the first files, so the fast writer is checked against it.
    store = DirectoryFileStore(files_root)
    for index in range(min(10, documents)):
        stored = await store.put(document_body(index))
        written = write_files(str(files_root), index, index + 1)
        assert written == [(stored.key, stored.size, stored.md5)]
    loop = asyncio.get_running_loop()
    async with connected(url) as conn:
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
            chunks = [(s, min(s + CHUNK, documents)) for s in range(0, documents, CHUNK)]
            futures = [
                loop.run_in_executor(pool, write_files, str(files_root), s, e) for s, e in chunks
            ]
            for (start, _), future in zip(chunks, futures, strict=True):
                written = await future
                await conn.copy_records_to_table(
                    "document", records=_records(world, start, written), columns=COPY_COLUMNS
                )
        await conn.execute("VACUUM ANALYZE document")
        await _save_world(conn, world)
    world.build_seconds = time.perf_counter() - started
    return world


async def _save_world(conn: asyncpg.Connection, world: World) -> None:
    await conn.execute("CREATE TABLE IF NOT EXISTS bench_world (data jsonb NOT NULL)")
    await conn.execute("DELETE FROM bench_world")
    data = {k: v for k, v in world.__dict__.items() if k not in ("build_seconds", "reused")}
    await conn.execute("INSERT INTO bench_world (data) VALUES ($1)", json.dumps(data))


async def reuse(url: str, files_root: Path, documents: int) -> World | None:
    """With --keep: undo the previous run's move instead of building again, if there was one."""
    if not files_root.is_dir():
        return None
    try:
        conn = await asyncpg.connect(asyncpg_dsn(url))
    except asyncpg.InvalidCatalogNameError:
        return None
    started = time.perf_counter()
    try:
        raw = await conn.fetchval(
            "SELECT data FROM bench_world" if await _has_world(conn) else "SELECT NULL"
        )
        if raw is None:
            return None
        world = World(**json.loads(raw))
        if world.documents != documents:
            return None
        async with conn.transaction():
            await conn.execute(
                "TRUNCATE audit_event, outbox_mail, billable_line, migration_item, "
                "migration_recipient, migration RESTART IDENTITY CASCADE"
            )
            await conn.execute(
                "UPDATE administration SET environment_id = $2, connection_id = $3, code = $4, "
                "inbound_mail_address = $5 WHERE id = $1",
                world.administration_id,
                world.source_id,
                world.source_connection_id,
                world.code,
                world.inbound_mail_address,
            )
            names = list(world.users)
            ids = [world.users[n] for n in names]
            await conn.execute(
                "UPDATE document SET "
                "uploaded_by_id = ($2::int[])[array_position($3::text[], uploaded_by_name)], "
                "approved_by_id = ($2::int[])[array_position($3::text[], approved_by_name)] "
                "WHERE administration_id = $1",
                world.administration_id,
                ids,
                names,
            )
        # A compact table again, as after a fresh build: no free space for cheap HOT updates.
        await conn.execute("VACUUM FULL ANALYZE document")
    finally:
        await conn.close()
    world.build_seconds = time.perf_counter() - started
    world.reused = True
    return world


async def _has_world(conn: asyncpg.Connection) -> bool:
    return bool(await conn.fetchval("SELECT to_regclass('bench_world') IS NOT NULL"))


async def offer_and_claim(world: World) -> int:
    """The offer and the claim through the functions the resolvers use; returns the item's ID."""
    from tortoise.transactions import in_transaction

    from models import AccountingConnection, Administration, Environment, lifecycle, terms
    from models.enums import MailLanguage
    from models.lifecycle import Change, Reception
    from models.receiving import bind_target
    from models.user import User
    from overdracht.settings import load_settings

    now = datetime.now(UTC)
    settings = load_settings()
    administration = await Administration.get(pk=world.administration_id).select_related(
        "connection"
    )
    requester = await User.get(pk=world.users[SOURCE_APPROVER])
    receiver = await User.get(email="eva@bosman.example")
    async with in_transaction():
        migration, [item] = await lifecycle.offer(
            Change(settings, now, actor=requester),
            [administration],
            [receiver.email],
            target=await Environment.get(pk=world.target_id),
            language=MailLanguage.NL,
            terms_version=terms.VERSION,
        )
    connection = await AccountingConnection.get(pk=world.target_connection_id)
    async with in_transaction():
        assert await bind_target(migration.pk, world.target_id)
        assert await lifecycle.claim(
            Change(settings, now, actor=receiver),
            migration,
            Reception(item, connection, administration.code, terms.VERSION),
        )
    return item.pk


DROP_CACHES = {"cold": "3", "pages": "1"}
CACHE_STATES = {
    "cold": "cold (page cache, directory entries and inodes dropped)",
    "pages": "page cache dropped, directory entries and inodes kept",
}


def drop_page_cache(mode: str) -> str:
    """Start a timed part with nothing in memory, as an archive written long ago is.

    cold drops the page cache and the kernel's directory entries and inodes, so opening a
    file reads its inode from disk as well; pages drops only the page cache. Returns what was
    done, for the table. Needs root; where the kernel refuses, the cache is left as it is
    and the table says so.
    """
    if mode not in DROP_CACHES:
        return "as is"
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write(DROP_CACHES[mode])
    except OSError:
        return "as is (no permission to drop it)"
    return CACHE_STATES[mode]


# -- the reference -------------------------------------------------------------------------------


async def time_raw_statement(url: str, administration_id: int, cache: str) -> float:
    """Seconds for ONE statement doing the archive's change of ownership on a copy of its rows.

    Of the change of ownership only one part grows with the archive: clearing the user links
    of every document (rule 4). Moving the administration row is one row whatever N is, so the
    statement that represents the move is the UPDATE of the archive's rows that clears both
    links, on a copy with the same columns, indexes, defaults and foreign keys as `document`.
    It is the least any implementation must do in the database; everything the engine spends
    above it (reading rows, verifying files, progress) shows in the ratio.
    """
    async with connected(url) as conn:
        await conn.execute("DROP TABLE IF EXISTS document_copy")
        await conn.execute("CREATE TABLE document_copy (LIKE document INCLUDING ALL)")
        for name, definition in await conn.fetch(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'document'::regclass AND contype = 'f'"
        ):
            await conn.execute(
                f'ALTER TABLE document_copy ADD CONSTRAINT "{name}_copy" {definition}'
            )
        await conn.execute(
            "INSERT INTO document_copy SELECT * FROM document WHERE administration_id = $1",
            administration_id,
        )
        await conn.execute("VACUUM ANALYZE document_copy")
        await conn.execute("CHECKPOINT")
        drop_page_cache(cache)
        started = time.perf_counter()
        await conn.execute(
            "UPDATE document_copy SET uploaded_by_id = NULL, approved_by_id = NULL "
            "WHERE administration_id = $1",
            administration_id,
        )
        seconds = time.perf_counter() - started
        await conn.execute("DROP TABLE document_copy")
        await conn.execute("CHECKPOINT")
        return seconds


async def time_file_reads(url: str, files_root: Path, administration_id: int, cache: str) -> float:
    """Seconds to verify every file of the archive with nothing else running: the floor.

    The move must read and hash every file (its receipt says whether all checksums held),
    and no database statement can make that faster. Read in the engine's order through the
    same DirectoryFileStore.verify, two batches in flight as in the engine, but without the
    database work beside it.
    """
    from overdracht.filestore import DirectoryFileStore

    store = DirectoryFileStore(files_root)
    query = (
        "SELECT id, storage_key, sha256 FROM document WHERE administration_id = $1 AND id > $2 "
        "ORDER BY id LIMIT 1000"
    )
    async with connected(url) as conn:
        batches = []
        last_id = 0
        while rows := await conn.fetch(query, administration_id, last_id):
            batches.append([(row["storage_key"], row["sha256"]) for row in rows])
            last_id = rows[-1]["id"]
    drop_page_cache(cache)
    started = time.perf_counter()
    pending: asyncio.Future[list[str]] | None = None
    bad = 0
    for batch in batches:
        following = asyncio.ensure_future(store.verify(batch))
        if pending is not None:
            bad += len(await pending)
        pending = following
    if pending is not None:
        bad += len(await pending)
    seconds = time.perf_counter() - started
    if bad:
        raise RuntimeError(f"{bad} files failed verification before the move")
    return seconds


# -- the move, in its own process ---------------------------------------------------------------


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _rss_kb() -> int:
    return _status_kb("VmRSS")


def _high_water_kb() -> int:
    """The highest RSS of this process image, kept by the kernel between our samples.

    Not getrusage's ru_maxrss: Linux carries that across exec, so a child started from the
    benchmark's own process reports the parent's size at the fork (after building a million
    rows, 270 MB) instead of its own. VmHWM starts again with the new image at exec.
    """
    return _status_kb("VmHWM")


class RssSampler(threading.Thread):
    """Samples the process's resident memory every few milliseconds, keeping the highest."""

    def __init__(self, interval: float = 0.005) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = _rss_kb()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.peak_kb = max(self.peak_kb, _rss_kb())


async def move_only(url: str, data_dir: Path, batch_size: int | None) -> dict[str, Any]:
    """Take and move the one queued administration with the real mover; report time and RSS."""
    from overdracht.clock import SystemClock
    from overdracht.db import open_database
    from overdracht.filestore import DirectoryFileStore
    from overdracht.settings import Settings
    from worker.mover import Mover

    settings = Settings(database_url=url, data_dir=data_dir, background_jobs=False)
    await open_database(url)
    engine = Mover(
        settings, SystemClock(), DirectoryFileStore(data_dir / "files"), batch_size=batch_size
    )
    return await timed_move(engine)


async def timed_move(engine: Any) -> dict[str, Any]:
    """Take and move the one queued administration; its time and this process's peak memory."""
    from overdracht.db import close_database

    sampler = RssSampler()
    before_kb = _rss_kb()
    sampler.start()
    started = time.perf_counter()
    taken = await engine.take()
    status = await engine.work(taken[0]) if taken else None
    seconds = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    await close_database()
    high_water_kb = _high_water_kb()
    return {
        "status": status.value if status is not None else None,
        "seconds": seconds,
        "rss_before_mb": before_kb / 1024,
        "sampled_peak_mb": sampler.peak_kb / 1024,
        "high_water_mb": high_water_kb / 1024,
        "peak_mb": max(high_water_kb, sampler.peak_kb) / 1024,
    }


async def run_move_process(url: str, data_dir: Path, batch_size: int | None) -> dict[str, Any]:
    """Run the move in a fresh interpreter, so its peak memory is the move's and nothing else."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.move_archive",
        "--move-only",
        "--database-url",
        url,
        "--data-dir",
        str(data_dir),
    ]
    if batch_size:
        command += ["--batch-size", str(batch_size)]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent
    )
    out, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"the move process ended with {process.returncode}")
    return json.loads(out.decode().strip().splitlines()[-1])


# -- the checks ----------------------------------------------------------------------------------


ARCHIVE_FINGERPRINT = (
    "SELECT count(*), md5(string_agg(id::text || ':' || sha256, ',' ORDER BY id)) "
    "FROM document WHERE administration_id = $1"
)


async def check_end_state(
    url: str, world: World, item_id: int, fingerprint: tuple[int, str]
) -> list[str]:
    """Everything the move must have done; returns the problems, empty when all is well."""
    problems = []
    async with connected(url) as conn:
        adm = await conn.fetchrow(
            "SELECT environment_id, connection_id FROM administration WHERE id = $1",
            world.administration_id,
        )
        if (adm["environment_id"], adm["connection_id"]) != (
            world.target_id,
            world.target_connection_id,
        ):
            problems.append("the administration is not in the target environment")
        after = tuple(await conn.fetchrow(ARCHIVE_FINGERPRINT, world.administration_id))
        if after[0] != world.documents:
            problems.append(f"{after[0]} documents in the target, expected {world.documents}")
        if after != fingerprint:
            problems.append("document ids or checksums changed")
        linked, named = await conn.fetchrow(
            "SELECT count(*) FILTER (WHERE uploaded_by_id IS NOT NULL "
            "OR approved_by_id IS NOT NULL), count(*) FILTER (WHERE uploaded_by_name <> '' "
            "AND approved_by_name <> '') FROM document WHERE administration_id = $1",
            world.administration_id,
        )
        if linked:
            problems.append(f"{linked} documents still link to a source user")
        if named != world.documents:
            problems.append(f"only {named} documents kept both display names")
        item = await conn.fetchrow(
            "SELECT status, documents_done, checksums_verified FROM migration_item WHERE id = $1",
            item_id,
        )
        if tuple(item) != ("COMPLETED", world.documents, True):
            problems.append(f"item ended as {tuple(item)}")
    return problems


async def explain_batch_query(url: str, administration_id: int, documents: int) -> str:
    """The plan PostgreSQL picks for one batch read half-way through the archive."""
    async with connected(url) as conn:
        middle = await conn.fetchval(
            "SELECT id FROM document WHERE administration_id = $1 ORDER BY id OFFSET $2 LIMIT 1",
            administration_id,
            documents // 2,
        )
        rows = await conn.fetch(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT id, storage_key, sha256, size FROM document "
            "WHERE administration_id = $1 AND id > $2 ORDER BY id LIMIT 1000",
            administration_id,
            middle,
        )
        return "\n".join(row[0] for row in rows)


# -- one scale, and the table ----------------------------------------------------------------------


@dataclass
class Result:
    """The figures of one scale."""

    documents: int
    build_seconds: float
    reused: bool
    move_seconds: float
    peak_mb: float
    rss_before_mb: float
    raw_seconds: float
    file_seconds: float
    cache: str
    problems: list[str]

    @property
    def per_second(self) -> float:
        return self.documents / self.move_seconds

    @property
    def ms_per_1000(self) -> float:
        return self.move_seconds / self.documents * 1000 * 1000

    @property
    def ratio(self) -> float:
        return self.move_seconds / self.raw_seconds

    @property
    def file_ratio(self) -> float:
        """How many raw statements reading and hashing the files alone takes."""
        return self.file_seconds / self.raw_seconds


async def run_scale(documents: int, args: argparse.Namespace) -> Result:
    """One scale on a throwaway database, or with --keep on the one named after the scale."""
    name = f"{args.database}_{documents}"
    data_dir = (
        Path(args.data_dir) / str(documents)
        if args.data_dir
        else Path(tempfile.gettempdir()) / f"overdracht-bench-{documents}"
    )
    if args.keep:
        url = with_database(args.admin_url, name)
        world = await reuse(url, data_dir / "files", documents)
        if world is None:
            await fresh_database(args.admin_url, name)
        return await measure_scale(documents, url, data_dir, world, args)
    try:
        async with throwaway_database(args.admin_url, name) as url:
            return await measure_scale(documents, url, data_dir, None, args)
    finally:
        set_aside(data_dir)


async def measure_scale(
    documents: int, url: str, data_dir: Path, world: World | None, args: argparse.Namespace
) -> Result:
    """Build (unless a kept world is given), offer, claim, time the reference, move, check."""
    from overdracht.db import close_database, open_database

    files_root = data_dir / "files"
    if world is None:
        print(f"[{documents:,}] building the archive …", file=sys.stderr, flush=True)
        set_aside(data_dir)
        world = await build(url, files_root, documents)
        await close_database()
    else:
        print(f"[{documents:,}] reusing the kept archive …", file=sys.stderr, flush=True)
    print(
        f"[{documents:,}] {'reset' if world.reused else 'build'} {world.build_seconds:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    await open_database(url)
    item_id = await offer_and_claim(world)
    await close_database()
    async with connected(url) as conn:
        fingerprint = tuple(await conn.fetchrow(ARCHIVE_FINGERPRINT, world.administration_id))
    if args.explain:
        print(await explain_batch_query(url, world.administration_id, documents))
    raw = await time_raw_statement(url, world.administration_id, args.cache)
    print(f"[{documents:,}] raw statement {raw:.2f} s", file=sys.stderr, flush=True)
    file_reads = await time_file_reads(url, files_root, world.administration_id, args.cache)
    print(f"[{documents:,}] files alone {file_reads:.2f} s; moving …", file=sys.stderr, flush=True)
    cache = drop_page_cache(args.cache)
    move = await run_move_process(url, data_dir, args.batch_size)
    print(
        f"[{documents:,}] move {move['seconds']:.1f} s ({move['status']})",
        file=sys.stderr,
        flush=True,
    )
    problems = await check_end_state(url, world, item_id, fingerprint)  # type: ignore[arg-type]
    return Result(
        documents=documents,
        build_seconds=world.build_seconds,
        reused=world.reused,
        move_seconds=move["seconds"],
        peak_mb=move["peak_mb"],
        rss_before_mb=move["rss_before_mb"],
        raw_seconds=raw,
        file_seconds=file_reads,
        cache=cache,
        problems=problems,
    )


SET_ASIDE: list[Path] = []


def set_aside(data_dir: Path) -> None:
    """Rename a data dir out of the way at once; deleting a million files waits for the end.

    Deleting them takes minutes and would sit between the scales and before the table.
    """
    if data_dir.exists():
        aside = data_dir.with_name(f"{data_dir.name}.old-{os.getpid()}-{len(SET_ASIDE)}")
        data_dir.rename(aside)
        SET_ASIDE.append(aside)


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_table(results: list[Result]) -> None:
    """The figures side by side, then each target with an honest verdict."""
    header = (
        f"{'documents':>10} {'build s':>9} {'move s':>8} {'docs/s':>8} {'ms/1000':>8} "
        f"{'peak RSS MB':>11} {'raw s':>7} {'ratio':>6} {'files s':>8} {'files/raw':>9}  "
        "end state"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        build = f"{r.build_seconds:.1f}" + ("*" if r.reused else "")
        state = "ok" if not r.problems else "; ".join(r.problems)
        print(
            f"{r.documents:>10,} {build:>9} {r.move_seconds:>8.1f} {r.per_second:>8,.0f} "
            f"{r.ms_per_1000:>8.1f} {r.peak_mb:>11.1f} {r.raw_seconds:>7.2f} {r.ratio:>6.2f} "
            f"{r.file_seconds:>8.2f} {r.file_ratio:>9.2f}  {state}"
        )
    if any(r.reused for r in results):
        print("* kept archive reset (--keep), not built")
    print(f"before each timed part (raw statement, files alone, move): {results[0].cache}")
    print("files s: verifying every file with nothing else running, the floor of any move")
    print()
    print("targets")
    for r in results:
        print(
            f"  ratio engine/raw <= {RATIO_TARGET} at {r.documents:,}: "
            f"{r.ratio:.2f} {_verdict(r.ratio <= RATIO_TARGET)}; the files alone take "
            f"{r.file_ratio:.2f} x raw, the move {r.move_seconds / r.file_seconds:.2f} x the files"
        )
    for r in results:
        print(
            f"  peak memory < {MEMORY_TARGET_MB} MB at {r.documents:,}: "
            f"{r.peak_mb:.0f} MB (of which {r.rss_before_mb:.0f} MB before the move started) "
            f"{_verdict(r.peak_mb < MEMORY_TARGET_MB)}"
        )
    if len(results) > 1:
        smallest, largest = (
            min(results, key=lambda r: r.documents),
            max(results, key=lambda r: r.documents),
        )
        growth = largest.ms_per_1000 / smallest.ms_per_1000
        print(
            f"  time linear in N (ms per 1000 documents at {largest.documents:,} at most "
            f"x{LINEARITY_TOLERANCE} those at {smallest.documents:,}): x{growth:.2f} "
            f"{_verdict(growth <= LINEARITY_TOLERANCE)}"
        )
    else:
        print("  time linear in N: run --scales with two or more sizes to judge")
    if any(r.problems for r in results):
        print("  end state: NOT correct, see the table")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="same as --documents 1000000")
    parser.add_argument("--scales", help="comma-separated sizes, run one after another")
    parser.add_argument("--keep", action="store_true", help="keep database and files, reuse them")
    parser.add_argument("--batch-size", type=int, help="the engine's batch size (default: its own)")
    parser.add_argument("--admin-url", default=ADMIN_URL, help="PostgreSQL to create databases on")
    parser.add_argument("--database", default=DATABASE_PREFIX, help="database name prefix")
    parser.add_argument("--data-dir", help="where the files go (default: the temp directory)")
    parser.add_argument(
        "--cache",
        choices=("cold", "pages", "asis"),
        default="cold",
        help="before each timed part, cold (default): drop the page cache, directory entries "
        "and inodes; pages: drop only the page cache; asis: drop nothing",
    )
    parser.add_argument("--explain", action="store_true", help="print the batch query's plan")
    parser.add_argument("--move-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> int:
    """Run every asked scale and print one table."""
    args = parse_args(argv)
    if args.move_only:
        logging.basicConfig(level=logging.INFO, format="    %(message)s", stream=sys.stderr)
        result = await move_only(args.database_url, Path(args.data_dir), args.batch_size)
        print(json.dumps(result))
        return 0 if result["status"] == "COMPLETED" else 1
    if args.scales:
        scales = [int(s.replace("_", "")) for s in args.scales.split(",") if s.strip()]
    else:
        scales = [1_000_000 if args.million else args.documents]
    results = [await run_scale(n, args) for n in scales]
    print()
    print_table(results)
    sys.stdout.flush()
    for aside in SET_ASIDE:
        print(f"removing the files of the run ({aside.name}) …", file=sys.stderr, flush=True)
        shutil.rmtree(aside, ignore_errors=True)
    return 0 if not any(r.problems for r in results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
