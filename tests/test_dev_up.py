"""`./dev up` as a newcomer runs it: on ports of their choosing, a taken port refused in one line
before anything is started or any URL printed, and a service that never runs on without its mail
sink (mail would otherwise go to whatever holds the sink's port, or nowhere).

Each run has its own SQLite database, data and mail directories under the test's temporary
directory, and the suite's own virtualenv (`OVERDRACHT_VENV`), so nothing is installed.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import signal
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest

from models.terms import VERSION as TERMS_VERSION
from tests.conftest import BACKEND
from tests.live_server import free_port, held_port
from tests.scenarios import wait_until

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "dev"
ANNA = "ovd_demo_anna_vandijk_superuser"
# A generous bound for a start on a busy machine: the test fails there, it does not hang.
START_SECONDS = 600

pytestmark = pytest.mark.skipif(
    BACKEND == "postgres", reason="./dev up runs on its own SQLite file: the SQLite pass tries it"
)


def dev_env(tmp_path: Path, port: int, mail_port: int) -> dict[str, str]:
    """./dev up's environment: the suite's virtualenv, and a world of this test's own."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("OVERDRACHT_") or name.startswith("OVERDRACHT_TEST_")
    }
    return {
        **env,
        "OVERDRACHT_VENV": sys.prefix,
        "OVERDRACHT_DATABASE_URL": f"sqlite://{tmp_path / 'demo.sqlite3'}",
        "OVERDRACHT_DATA_DIR": str(tmp_path / "data"),
        "PORT": str(port),
        "MAIL_PORT": str(mail_port),
    }


@pytest.mark.parametrize("taken", ["PORT", "MAIL_PORT"])
def test_a_taken_port_stops_dev_up_in_one_line_before_anything_starts(tmp_path, taken):
    with held_port() as held:
        ports = {"PORT": free_port(), "MAIL_PORT": free_port(), taken: held}
        result = subprocess.run(
            [str(DEV), "up"],
            cwd=ROOT,
            env=dev_env(tmp_path, ports["PORT"], ports["MAIL_PORT"]),
            capture_output=True,
            text=True,
            timeout=START_SECONDS,
        )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert f"127.0.0.1:{held} ({taken}): another program is listening there" in line
    assert "http://" not in result.stdout
    assert not (tmp_path / "demo.sqlite3").exists(), "nothing ran before the ports were checked"


def children(pid: int) -> list[int]:
    """The processes a process started (Linux)."""
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def command_line(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


async def test_dev_up_serves_on_its_ports_mails_its_sink_and_stops_when_the_sink_does(tmp_path):
    port, mail_port = free_port(), free_port()
    out, err = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with out.open("w") as stdout, err.open("w") as stderr:
        dev = subprocess.Popen(
            [str(DEV), "up"],
            cwd=ROOT,
            env=dev_env(tmp_path, port, mail_port),
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
        )
    try:

        async def serving() -> bool:
            assert dev.poll() is None, err.read_text()
            return "GraphiQL:" in out.read_text()

        await wait_until(serving, "the GraphiQL URL", START_SECONDS)
        assert f"GraphiQL: http://127.0.0.1:{port}/graphql" in out.read_text()
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:

            async def graphql(query: str, variables: dict | None = None) -> dict:
                response = await client.post(
                    "/graphql",
                    json={"query": query, "variables": variables or {}},
                    headers={"Authorization": f"Bearer {ANNA}"},
                )
                return response.json()["data"]

            found = await graphql('{ administrations(search: "1001") { nodes { id } } }')
            offered = await graphql(
                "mutation($i: OfferMigrationInput!) { offerMigration(input: $i) "
                "{ userErrors { code } } }",
                {
                    "i": {
                        "administrationIds": [found["administrations"]["nodes"][0]["id"]],
                        "recipients": ["eva@bosman.example"],
                        "acknowledgeUsersDoNotMove": True,
                        "acceptTerms": True,
                        "termsVersion": TERMS_VERSION,
                    }
                },
            )
            assert offered["offerMigration"]["userErrors"] == []
        mails = tmp_path / "mail"

        async def mailed() -> bool:
            return any(mails.glob("*.eml"))

        await wait_until(mailed, "the offer mail in the sink on MAIL_PORT", START_SECONDS)
        [mail] = mails.glob("*.eml")
        message = email.message_from_bytes(mail.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        # Its links lead to the service on the port it runs on.
        assert f"http://127.0.0.1:{port}/receive" in text

        [sink] = [pid for pid in children(dev.pid) if " mail-sink " in command_line(pid)]
        os.kill(sink, signal.SIGTERM)
        code = await asyncio.to_thread(dev.wait, START_SECONDS)
        assert code != 0
        assert "The mail sink stopped; the service stops too" in err.read_text()
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/healthz")
    finally:
        if dev.poll() is None:
            os.killpg(dev.pid, signal.SIGTERM)
            dev.wait(60)
