"""The command line as an operator uses it: tokens for partners, issued, listed and revoked."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import websockets

from models import ApiToken
from models.enums import TokenScope
from tests.live_server import held_port
from tests.scenarios import wait_until
from tests.workers import start_worker

ROOT = Path(__file__).resolve().parent.parent


def overdracht(settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OVERDRACHT_DATABASE_URL": settings.database_url}
    return subprocess.run(
        [sys.executable, "-m", "commands", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_partner_token_created_listed_and_revoked_from_the_command_line(
    server, factory, settings
):
    env = await factory.environment()
    user = await factory.user(env)
    created = overdracht(
        settings, "token", "create", "--email", user.email, "--read-only", "--label", "BI"
    )
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    token = await ApiToken.get(user_id=user.pk)
    assert token.scope == TokenScope.READ_ONLY
    assert secret not in token.token_hash
    body = await server.graphql("{ viewer { tokenScope } }", token=secret)
    assert body["data"]["viewer"]["tokenScope"] == "READ_ONLY"

    listed = overdracht(settings, "token", "list", "--email", user.email)
    assert f"{token.pk}" in listed.stdout and "READ_ONLY" in listed.stdout and "BI" in listed.stdout
    assert secret not in listed.stdout

    revoked = overdracht(settings, "token", "revoke", "--id", str(token.pk))
    assert revoked.returncode == 0, revoked.stderr
    body = await server.graphql("{ viewer { tokenScope } }", token=secret)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_token_for_an_unknown_user_is_a_clear_error(db, settings):
    result = overdracht(settings, "token", "create", "--email", "nobody@example.nl")
    assert result.returncode == 2
    assert "no user" in result.stderr


def test_a_bad_setting_stops_the_command_with_its_name(tmp_path):
    env = {**os.environ, "OVERDRACHT_SMTP_PORT": "abc"}
    result = subprocess.run(
        [sys.executable, "-m", "commands", "migrate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "OVERDRACHT_SMTP_PORT" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_contradicting_settings_stop_the_start_in_one_line_naming_both(command):
    env = {
        **os.environ,
        "OVERDRACHT_MOVE_LEASE_SECONDS": "30",
        "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS": "30",
    }
    result = subprocess.run(
        [sys.executable, "-m", "commands", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a service that starts anyway would run on: the test fails, not hangs
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "OVERDRACHT_MOVE_LEASE_SECONDS" in line
    assert "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS" in line


# What a worker never runs: the API with its schema, the GraphQL library and the HTTP server.
NOT_IN_A_WORKER = ("api", "strawberry", "graphql", "uvicorn", "starlette", "aiosmtpd")


async def test_a_worker_runs_in_a_process_that_loads_no_api_and_no_http_server(settings, tmp_path):
    """`overdracht worker` hands its process to commands.worker_process: the same process, its
    work and its clean stop on SIGTERM, without the 23 MB of what only `serve` runs."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, commands.worker_process; print(' '.join(sorted(sys.modules)))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "worker.mover" in loaded and "worker.dispatcher" in loaded
    assert [m for m in loaded if m.split(".")[0] in NOT_IN_A_WORKER] == []

    output = tmp_path / "worker.log"
    worker = start_worker(settings, log=output)

    async def running() -> bool:
        assert worker.poll() is None, output.read_text()
        return output.exists() and b"Worker running" in output.read_bytes()

    try:
        await wait_until(running, "the worker's start", seconds=120)
        command_line = Path(f"/proc/{worker.pid}/cmdline").read_bytes().split(b"\0")
        assert b"commands.worker_process" in command_line
    finally:
        worker.terminate()
        code = worker.wait(timeout=120)
    assert code == 0, output.read_text()
    assert "Traceback" not in output.read_text()


@pytest.mark.parametrize(
    ("command", "who"), [("serve", "the service"), ("mail-sink", "the mail sink")]
)
def test_a_port_in_use_stops_the_start_in_one_line_before_any_url(tmp_path, command, who):
    env = {
        **os.environ,
        "OVERDRACHT_DATABASE_URL": f"sqlite://{tmp_path / 'ports.sqlite3'}",
        "OVERDRACHT_DATA_DIR": str(tmp_path / "data"),
    }
    run = [sys.executable, "-m", "commands"]
    subprocess.run([*run, "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)
    with held_port() as port:
        result = subprocess.run(
            [*run, command, "--port", str(port)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,  # one that starts anyway would run on: the test fails, not hangs
        )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {who} cannot listen on 127.0.0.1:{port}: another program")
    assert "http://" not in result.stdout


# How long a started service may take to answer before the test gives up: a net, far beyond
# what a start takes on a loaded machine; the wait ends as soon as it answers or exits.
SERVE_NET_SECONDS = 180.0


@contextlib.contextmanager
def served(tmp_path: Path, **settings: str) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """`overdracht serve` on a migrated SQLite file with these settings, answering on its port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {key: value for key, value in os.environ.items() if not key.startswith("OVERDRACHT_")}
    env |= {
        "OVERDRACHT_DATABASE_URL": f"sqlite://{tmp_path / 'served.sqlite3'}",
        "OVERDRACHT_DATA_DIR": str(tmp_path / "data"),
        "OVERDRACHT_BACKGROUND_JOBS": "false",
        **settings,
    }
    command = [sys.executable, "-m", "commands"]
    subprocess.run([*command, "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + SERVE_NET_SECONDS
        while True:
            assert server.poll() is None, "the service stopped before it answered"
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the service never answered"
                time.sleep(0.05)
        yield port, server
    finally:
        if server.poll() is None:
            server.terminate()
            server.communicate(timeout=60)


def test_serve_writes_json_logs_with_the_request_id(tmp_path):
    """OVERDRACHT_LOG_FORMAT=json: one JSON object per line, each request under its id."""
    with served(tmp_path, OVERDRACHT_LOG_FORMAT="json") as (port, server):
        response = httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"X-Request-ID": "req-42"})
        assert response.headers["x-request-id"] == "req-42"
        fresh = httpx.get(f"http://127.0.0.1:{port}/healthz")
        assert len(fresh.headers["x-request-id"]) == 32, "one is made when the client sends none"
        server.terminate()
        _, errors = server.communicate(timeout=60)
    lines = [json.loads(line) for line in errors.splitlines() if line.startswith("{")]
    assert lines, errors
    assert all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    mine = [line for line in lines if line.get("request_id") == "req-42"]
    assert [line["message"].rsplit(" ", 2)[0] for line in mine] == ["GET /healthz 200"]
    assert mine[0]["logger"] == "overdracht.access"
    not_json = [line for line in errors.splitlines() if line.strip() and not line.startswith("{")]
    assert not_json == [], not_json


@pytest.mark.parametrize(("setting", "offered"), [(None, False), ("true", True)])
async def test_serve_offers_websocket_compression_only_when_asked(tmp_path, setting, offered):
    """OVERDRACHT_WEBSOCKET_COMPRESSION: `overdracht serve` agrees to permessage-deflate, which a
    client offers, only when it is set."""
    asked = {} if setting is None else {"OVERDRACHT_WEBSOCKET_COMPRESSION": setting}
    with served(tmp_path, **asked) as (port, server):
        async with websockets.connect(
            f"ws://127.0.0.1:{port}/graphql", subprotocols=["graphql-transport-ws"]
        ) as ws:
            extensions = ws.response.headers.get("Sec-WebSocket-Extensions") or ""
        server.terminate()
        server.communicate(timeout=60)
    assert ("permessage-deflate" in extensions) is offered
