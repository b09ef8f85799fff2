"""A short fuzz run of /graphql, generated from schema.graphql, finds no 5xx and no bug.

It is `python -m fuzzing` itself (the command of docs/security.md), against a real server on its own
freshly seeded database (SQLite, or PostgreSQL in the PostgreSQL pass), with tokens of a
superuser, a user, a read-only partner, a restricted client and the receiving office.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

# A sample in every pass of the suite; the full runs (3,000 and more on each database) are
# `./dev fuzz N`, whose figures docs/security.md gives.
REQUESTS = 500
# Only a net against a run that never ends: the run is bound by its number of requests, however
# long a busy machine takes to send them (a time limit once cut a run short).
SECONDS = 3600
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


async def _fuzz(report: Path, database_url: str) -> tuple[int, str]:
    command = [
        sys.executable, "-m", "fuzzing", str(REQUESTS),
        "--seconds", str(SECONDS), "--report", str(report), "--database-url", database_url,
    ]  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return process.returncode or 0, output.decode(errors="replace")


async def test_a_fuzz_run_finds_no_server_error_and_no_unexpected_error(tmp_path, empty_database):
    report = tmp_path / "fuzz.json"
    returncode, output = await _fuzz(report, empty_database)
    assert report.exists(), output
    figures = json.loads(report.read_text())
    print(output)
    assert figures["requests"] >= REQUESTS, output
    assert figures["server_errors"] == 0, output
    assert figures["unexpected_errors"] == 0, output
    assert returncode == 0, output
