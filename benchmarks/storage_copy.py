"""`overdracht storage copy` at scale: N documents' files from the local disk to SeaweedFS.

It starts SeaweedFS on loopback (as the tests do, from the test extra), builds a database of N
documents whose files (of --size random bytes) sit in the local store, and runs the operator's
command in its own process twice: the copy itself, then a rerun that finds everything in the
bucket (what a resumed copy pays for the part already done). Per run it prints the time, the
files per second and the command's peak memory.

    .venv/bin/python -m benchmarks.storage_copy [--files N] [--size BYTES] [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

from tortoise import connections

from models import AccountingConnection, Document, Environment, add_administration
from models.enums import AccountingPackage, DocumentKind, DocumentStatus, Plan
from overdracht.clock import SystemClock
from overdracht.db import close_database, open_database
from overdracht.filestore import object_name
from overdracht.scratch_database import LOCAL_SERVER, open_migrated, throwaway_database
from tests.file_stores import SeaweedFS

ROOT = Path(__file__).resolve().parent.parent
ROWS_PER_INSERT = 1000
SUMMARY_RE = re.compile(r"^done: (.*)$", re.MULTILINE)


@contextlib.asynccontextmanager
async def database(postgres: bool, directory: Path) -> AsyncIterator[str]:
    """A throwaway PostgreSQL database, or a SQLite file in the run's directory."""
    if postgres:
        async with throwaway_database(LOCAL_SERVER, "overdracht_bench_copy") as url:
            yield url
    else:
        yield f"sqlite://{directory / 'bench.sqlite3'}"


async def build(url: str, files_dir: Path, count: int, size: int) -> None:
    """One administration of `count` documents, each with a file of its own on the disk."""
    await open_migrated(url)
    now = SystemClock().now()
    environment = await Environment.create(
        office_code="K90001", name="Benchmark", plan=Plan.PREMIUM, created_at=now
    )
    connection = await AccountingConnection.create(
        environment=environment,
        package=AccountingPackage.EXACT_ONLINE,
        name="Exact",
        created_at=now,
    )
    administration = await add_administration(
        connection, code="1001", name="Archief BV", domain="inbound.example", now=now
    )
    rows = []
    for number in range(count):
        data = os.urandom(size)
        sha256 = hashlib.sha256(data).hexdigest()
        path = files_dir / object_name(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        rows.append(
            Document(
                administration_id=administration.pk,
                kind=DocumentKind.PURCHASE_INVOICE,
                status=DocumentStatus.BOOKED,
                title=f"Factuur {number}",
                file_name=f"factuur-{number}.pdf",
                content_type="application/pdf",
                size=size,
                sha256=sha256,
                md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
                storage_key=sha256,
                created_at=now,
            )
        )
        if len(rows) == ROWS_PER_INSERT:
            await Document.bulk_create(rows)
            rows = []
    if rows:
        await Document.bulk_create(rows)
    await close_database()


def run_copy(env: dict[str, str], location: str, concurrency: int) -> tuple[float, str]:
    """The operator's command to its end: seconds taken, and its summary line."""
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "commands",
            "storage",
            "copy",
            "--to",
            location,
            "--concurrency",
            str(concurrency),
            "--progress-seconds",
            "3600",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    match = SUMMARY_RE.search(result.stderr)
    if match is None:
        raise SystemExit(f"the copy failed:\n{result.stderr}")
    return seconds, match.group(1)


async def main(args: argparse.Namespace) -> None:
    """Build, copy, copy again; print the figures."""
    with tempfile.TemporaryDirectory(prefix="overdracht-copy-bench-") as temporary:
        directory = Path(temporary)
        server = SeaweedFS.prepare(directory)
        server.start()
        try:
            async with database(args.postgres, directory) as url:
                data_dir = directory / "data"
                started = time.perf_counter()
                await build(url, data_dir / "files", args.files, args.size)
                print(f"built {args.files:,} documents in {time.perf_counter() - started:.1f} s")
                prefix = f"bench-{os.getpid()}"
                aws = server.environment(prefix)
                location = aws.pop("OVERDRACHT_FILE_STORE")
                env = {
                    **os.environ,
                    **aws,
                    "OVERDRACHT_DATABASE_URL": url,
                    "OVERDRACHT_DATA_DIR": str(data_dir),
                }
                for label in ("copy", "rerun (all there)"):
                    # A rerun is refused once the bucket is recorded: put the record back.
                    await reset_home(url)
                    seconds, line = run_copy(env, location, args.concurrency)
                    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                    print(
                        f"{label:<18} {args.files / seconds:>7,.0f} files/s  {seconds:6.1f} s  "
                        f"peak RSS so far {peak:.0f} MB  [{line}]"
                    )
        finally:
            server.stop()


async def reset_home(url: str) -> None:
    """Record the files on the local disk again, as before the first copy."""
    await open_database(url)
    try:
        await connections.get("default").execute_script(
            "UPDATE file_store_home SET location = 'local'"
        )
    finally:
        await close_database()


def parse_args() -> argparse.Namespace:
    """--files, --size, --concurrency, --postgres."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=20_000, help="bytes per file")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
