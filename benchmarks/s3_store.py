"""The S3 file store's rates against a real S3 server: uploads, verification, listing.

It starts SeaweedFS on loopback (as the tests do, from the test extra), stores N files of
20 KB through `S3FileStore.put` (several at once, as a copy would), verifies them through
`S3FileStore.verify` in batches of 1000 (as a move does), lists them, and prints per operation
the rate and the client's CPU time per request (this process's CPU, not the server's).

    .venv/bin/python -m benchmarks.s3_store [--files N] [--size BYTES]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from overdracht.filestore import StoredFile
from overdracht.s3_store import S3FileStore
from tests.file_stores import SeaweedFS

PUTS_IN_FLIGHT = 16
BATCH = 1000


async def _timed(label: str, count: int, work: Callable[[], Awaitable[object]]) -> None:
    """Run one measured part and print its rate and CPU per request."""
    wall, cpu = time.perf_counter(), time.process_time()
    await work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{label:<22} {count:>7,} in {wall:6.2f} s  {count / wall:>9,.0f}/s  "
        f"{cpu / count * 1000:5.2f} ms CPU each"
    )


async def run(files: int, size: int, server: SeaweedFS) -> None:
    """Store, verify and list `files` files of `size` bytes."""
    store = S3FileStore.from_settings(
        server.settings(prefix=f"bench-{os.getpid()}"), read_timeout=30, write_timeout=30
    )
    bodies = [os.urandom(size) for _ in range(files)]
    stored: list[StoredFile] = []

    async def put_all() -> None:
        pending = iter(bodies)

        async def putter() -> None:
            for body in pending:
                stored.append(await store.put(body))

        await asyncio.gather(*(putter() for _ in range(PUTS_IN_FLIGHT)))

    async def verify_all() -> None:
        pairs = [(f.key, f.sha256) for f in stored]
        for start in range(0, len(pairs), BATCH):
            assert await store.verify(pairs[start : start + BATCH]) == []

    async def list_all() -> None:
        listed = [entry async for page in store.listing() for entry in page]
        assert len(listed) == len(stored)
        etags = {f.key: f.md5 for f in stored}
        assert all(entry.etag == etags[entry.key] for entry in listed)

    print(f"{files:,} files of {size:,} bytes, SeaweedFS on loopback")
    await _timed(f"put ({PUTS_IN_FLIGHT} in flight)", files, put_all)
    await _timed("verify (GET + SHA-256)", files, verify_all)
    await _timed("listing (keys)", files, list_all)


def main() -> None:
    """Parse the arguments, start the server, measure, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--size", type=int, default=20 * 1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="s3-bench-") as directory:
        server = SeaweedFS.prepare(Path(directory))
        server.start()
        try:
            asyncio.run(run(args.files, args.size, server))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
