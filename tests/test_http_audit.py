"""Clients that follow the GraphQL-over-HTTP spec just work: graphql-http's own server audits.

tests/http_audit/audit.mjs runs every server audit of the npm package graphql-http against the
service on a loopback port; `./dev test` installs its npm packages (`npm ci` there).
"""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import pytest

from tests.live_server import LiveServer

AUDIT_DIR = Path(__file__).resolve().parent / "http_audit"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed; ./dev test installs it (apt, as root)"
)


async def run_audit(server: LiveServer) -> tuple[int, str]:
    """The audit script's exit code and what it printed."""
    if not (AUDIT_DIR / "node_modules" / "graphql-http").is_dir():
        pytest.fail("graphql-http is not installed: run `npm ci` in tests/http_audit (./dev test)")
    assert NODE is not None
    process = await asyncio.create_subprocess_exec(
        NODE,
        str(AUDIT_DIR / "audit.mjs"),
        f"{server.base_url}/graphql",
        cwd=AUDIT_DIR,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    return process.returncode or 0, output.decode()


async def test_every_must_and_should_audit_of_graphql_http_passes(server):
    code, output = await run_audit(server)
    summary = re.search(r"MUST failures: (\d+), SHOULD failures: (\d+), MAY: (\d+)", output)
    assert summary, output
    audits = re.search(r"(\d+) audits", output)
    assert audits and int(audits.group(1)) > 40, output  # the suite ran, not an empty list
    assert (summary.group(1), summary.group(2)) == ("0", "0"), output
    assert code == 0, output
