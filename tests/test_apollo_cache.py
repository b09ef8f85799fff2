"""A frontend on Apollo Client 4 caches every screen of the demo world without losing data.

tests/apollo_cache/check.mjs runs the screens' queries, each twice with another selection and
again after a change, through a default InMemoryCache whose only type policies are the
`merge: true` the schema's "Part of its ..." descriptions call for, against the service on a
loopback port. `./dev test` installs its npm packages (`npm ci` there).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from commands.demo import seed_demo
from models.enums import MigrationStatus
from models.terms import VERSION as TERMS_VERSION
from tests.documents import OFFER
from tests.live_server import LiveServer
from tests.scenarios import refusal_of
from worker.dispatcher import MailDispatcher
from worker.mover import Mover

CHECK_DIR = Path(__file__).resolve().parent / "apollo_cache"
NODE = shutil.which("node")
ANNA = "ovd_demo_anna_vandijk_superuser"
EVA = "ovd_demo_eva_bosman_superuser"

pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed; ./dev test installs it (apt, as root)"
)


async def graphql(server: LiveServer, query: str, variables: dict, token: str) -> dict[str, Any]:
    body = await server.graphql(query, variables, token=token)
    assert "errors" not in body, body
    return body["data"]


@pytest.fixture
async def demo_offer(server, mail_settings, smtp_server, settings, clock, files) -> LiveServer:
    """The demo world with Anna's offer of 1001 and 1002 to Eva: 1001 moved, 1002 offered."""
    await seed_demo(settings, clock, files)
    found = await graphql(server, "{ administrations(first: 100) { nodes { id code } } }", {}, ANNA)
    ids = {n["code"]: n["id"] for n in found["administrations"]["nodes"]}
    offered = await graphql(
        server,
        OFFER,
        {
            "input": {
                "administrationIds": [ids["1001"], ids["1002"]],
                "recipients": ["eva@bosman.example"],
                "acknowledgeUsersDoNotMove": True,
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
            }
        },
        ANNA,
    )
    migration = offered["offerMigration"]["migration"]
    assert migration, offered
    assert await MailDispatcher(mail_settings, clock).deliver_due() == 1
    wrong = await server.graphql(
        '{ transferCodePreview(transferCode: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ") '
        "{ preview { id } userErrors { code retryAt } } }",
        token=EVA,
    )
    assert refusal_of(wrong) == ("TRANSFER_CODE_INVALID", None)
    bosman = await graphql(server, "{ accountingConnections { nodes { id package } } }", {}, EVA)
    [exact] = [
        c["id"] for c in bosman["accountingConnections"]["nodes"] if c["package"] == "EXACT_ONLINE"
    ]
    first_item = migration["administrations"]["nodes"][0]["id"]
    claimed = await graphql(
        server,
        """mutation($input: ClaimMigrationInput!) {
          claimMigration(input: $input) { userErrors { code field message } } }""",
        {
            "input": {
                "transferCode": migration["transferCode"],
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
                "acceptCosts": True,
                "administrations": [
                    {"migrationAdministrationId": first_item, "connectionId": exact}
                ],
            }
        },
        EVA,
    )
    assert claimed["claimMigration"]["userErrors"] == []
    moved = await Mover(settings, clock, files).run_until_idle()
    assert moved == [MigrationStatus.COMPLETED]
    return server


async def run_check(server: LiveServer, *flags: str) -> tuple[int, dict[str, Any], str]:
    """Run the Node script against the service; its exit code, its summary and what it printed."""
    if not (CHECK_DIR / "node_modules" / "@apollo" / "client").is_dir():
        pytest.fail(f"the npm packages are missing: run ./dev test, or `npm ci` in {CHECK_DIR}")
    process = await asyncio.create_subprocess_exec(
        NODE,  # type: ignore[arg-type]
        "--conditions=development",
        "check.mjs",
        *flags,
        cwd=CHECK_DIR,
        env={
            **os.environ,
            "OVERDRACHT_URL": server.base_url,
            "OVERDRACHT_SOURCE_TOKEN": ANNA,
            "OVERDRACHT_TARGET_TOKEN": EVA,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    lines = out.decode().strip().splitlines()
    output = out.decode() + err.decode()
    assert lines, output
    return process.returncode or 0, json.loads(lines[-1]), output


async def test_apollo_caches_every_screen_without_losing_data(demo_offer: LiveServer):
    returncode, summary, output = await run_check(demo_offer)
    assert summary["problems"] == [], output
    assert returncode == 0, output
    assert summary["mergePolicies"] is True
    assert summary["steps"] == 30, "every screen and change ran"


async def test_without_the_documented_merges_apollo_warns_of_lost_data(demo_offer: LiveServer):
    """The check can fail: the very warning frontends reported, once the policies are left out."""
    returncode, summary, output = await run_check(demo_offer, "--without-merge-policies")
    assert returncode == 1, output
    lost = [p for p in summary["problems"] if "Cache data may be lost" in p]
    assert any("statusCounts field of a Migration object" in p for p in lost), output
    assert any("the cache lost data of" in p for p in summary["problems"]), output
