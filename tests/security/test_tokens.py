"""Tokens are checked on every operation, also on an open WebSocket, and may expire."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import websockets

from models import ApiToken, Document
from models.enums import Role
from models.user import hash_token
from overdracht.settings import Settings
from tests.live_server import LiveServer, start_server
from tests.scenarios import Scenario, gid
from tests.test_cli import overdracht

VIEWER = "{ viewer { user { email } tokenScope } }"
CREATE_TOKEN = """
mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    apiToken { id expiresAt } secret userErrors { code field }
  }
}"""
REVOKE_TOKEN = """
mutation($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) { apiToken { revokedAt } userErrors { code } }
}"""
PROGRESS = """
subscription($id: ID!) {
  migrationProgress(migrationId: $id) { administrations { nodes { status } } }
}"""
WITHDRAW = """
mutation($input: WithdrawMigrationInput!) {
  withdrawMigration(input: $input) { userErrors { code } }
}"""

REFUSED = 4403
QUICK_RECHECK = 0.1  # seconds between the watchdog's checks on the `watchful` server
# How long a test waits for a lapsed token's socket to close: far less than the `server`'s
# watchdog (a minute), so a close proves the check it is about, however busy the machine.
CLOSE_WITHIN = 30.0


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The `server`'s watchdog waits a minute, so its refusals prove the per-operation check."""
    return settings.with_overrides(token_recheck_seconds=60.0)


@pytest.fixture
async def watchful(settings: Settings, clock, files) -> AsyncIterator[LiveServer]:
    """A second service on the same database and clock whose watchdog checks ten times a second."""
    quick = settings.with_overrides(token_recheck_seconds=QUICK_RECHECK)
    async with start_server(quick, clock, files) as live:
        yield live


class Socket:
    """A graphql-transport-ws client: operations out, messages in."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.ids = iter(range(1, 1_000_000))

    async def start(self, query: str, variables: dict[str, Any] | None = None) -> str:
        """Send one operation (query, mutation or subscription); returns its id.

        A socket the server already closed takes nothing: on PostgreSQL the news of a revoked
        token can close it before the operation is sent, and `close_code` then reads that close.
        """
        operation = str(next(self.ids))
        payload = {"query": query, "variables": variables or {}}
        with contextlib.suppress(websockets.ConnectionClosed):
            await self.connection.send(
                json.dumps({"id": operation, "type": "subscribe", "payload": payload})
            )
        return operation

    async def receive(self, timeout: float = 10.0) -> dict[str, Any]:
        return json.loads(await asyncio.wait_for(self.connection.recv(), timeout=timeout))

    async def run(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """A query or mutation over the socket; returns its `next` payload."""
        operation = await self.start(query, variables)
        message = await self.receive()
        assert message["type"] == "next" and message["id"] == operation, message
        assert (await self.receive())["type"] == "complete"
        return message["payload"]

    async def close_code(self, timeout: float = CLOSE_WITHIN) -> int:
        """Wait for the server to close the socket, with no message before; its close code."""
        with pytest.raises(websockets.ConnectionClosed) as closed:
            message = await self.receive(timeout=timeout)
            pytest.fail(f"a message came before the close: {message}")
        assert closed.value.rcvd is not None
        return closed.value.rcvd.code


@pytest.fixture
async def open_socket() -> AsyncIterator[Any]:
    """Open acknowledged sockets to a server with a token; all are closed when the test ends."""
    opened: list[Any] = []

    async def connect(server: LiveServer, token: str) -> Socket:
        url = server.base_url.replace("http://", "ws://") + "/graphql"
        connection = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
        opened.append(connection)
        socket = Socket(connection)
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
        await connection.send(json.dumps(init))
        assert (await socket.receive())["type"] == "connection_ack"
        return socket

    yield connect
    for connection in opened:
        await connection.close()


async def revoke(server: LiveServer, secret: str, *, using: str | None = None) -> None:
    """Revoke a token over HTTP, with itself or with another token of the same user."""
    token = await ApiToken.get(token_hash=hash_token(secret))
    body = await server.graphql(
        REVOKE_TOKEN, {"input": {"tokenId": gid("ApiToken", token)}}, token=using or secret
    )
    assert body["data"]["revokeApiToken"]["userErrors"] == [], body


async def create_token(server: LiveServer, token: str, **fields: Any) -> dict[str, Any]:
    """The createApiToken payload, asking for a full token unless told otherwise."""
    variables = {"input": {"label": "Koppeling", "scope": "FULL", **fields}}
    body = await server.graphql(CREATE_TOKEN, variables, token=token)
    assert "errors" not in body, body
    return body["data"]["createApiToken"]


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


# ---------------------------------------------------------------------------------------------
# Revocation reaches sockets that were opened before it.
# ---------------------------------------------------------------------------------------------


async def test_a_query_on_an_open_socket_is_refused_once_its_token_is_revoked(
    scenario: Scenario, open_socket
):
    socket = await open_socket(scenario.server, scenario.token)
    answer = await socket.run(VIEWER)
    assert answer["data"]["viewer"]["user"]["email"] == scenario.superuser.email

    await revoke(scenario.server, scenario.token)
    await socket.start(VIEWER)
    assert await socket.close_code() == REFUSED


async def test_a_mutation_on_an_open_socket_is_refused_and_issues_no_token_once_revoked(
    scenario: Scenario, open_socket
):
    variables = {"input": {"label": "Via socket", "scope": "FULL"}}
    socket = await open_socket(scenario.server, scenario.token)
    before = (await socket.run(CREATE_TOKEN, variables))["data"]["createApiToken"]
    assert before["userErrors"] == [] and before["secret"]
    rows = await ApiToken.filter(user_id=scenario.superuser.pk).count()

    await revoke(scenario.server, scenario.token)
    await socket.start(CREATE_TOKEN, variables)
    assert await socket.close_code() == REFUSED
    assert await ApiToken.filter(user_id=scenario.superuser.pk).count() == rows


async def test_a_running_subscription_stops_and_its_socket_closes_soon_after_revocation(
    scenario: Scenario, watchful: LiveServer, open_socket
):
    migration = await scenario.offer()
    socket = await open_socket(watchful, scenario.token)
    await socket.start(PROGRESS, {"id": migration["id"]})
    assert (await socket.receive())["type"] == "next"

    await revoke(scenario.server, scenario.token)
    assert await socket.close_code() == REFUSED  # the client sent nothing, nothing changed


async def test_a_subscription_sends_no_further_result_once_its_token_is_revoked(
    scenario: Scenario, factory, open_socket
):
    migration = await scenario.offer()
    other = await factory.token(scenario.superuser)
    socket = await open_socket(scenario.server, scenario.token)
    await socket.start(PROGRESS, {"id": migration["id"]})
    assert (await socket.receive())["type"] == "next"

    await revoke(scenario.server, scenario.token, using=other)
    withdrawn = await scenario.graphql(WITHDRAW, {"input": {"migrationId": migration["id"]}}, other)
    assert withdrawn["data"]["withdrawMigration"]["userErrors"] == []
    # The change would be streamed at once; the check before it closes the socket instead.
    assert await socket.close_code() == REFUSED


async def test_a_socket_closes_when_the_user_of_its_token_is_deactivated(
    scenario: Scenario, watchful: LiveServer, open_socket
):
    socket = await open_socket(watchful, scenario.token)
    scenario.superuser.is_active = False
    await scenario.superuser.save(update_fields=["is_active"])
    assert await socket.close_code() == REFUSED


async def set_role(user: Any, role: Role) -> None:
    """Change a user's role in the database, as an administrator of the office would."""
    user.role = role
    await user.save(update_fields=["role"])


async def test_a_demoted_superusers_subscription_sends_nothing_more_and_its_socket_closes(
    scenario: Scenario, factory, open_socket
):
    migration = await scenario.offer()
    colleague = await factory.token(await factory.user(scenario.source, role=Role.SUPERUSER))
    socket = await open_socket(scenario.server, scenario.token)  # its watchdog waits a minute
    await socket.start(PROGRESS, {"id": migration["id"]})
    assert (await socket.receive())["type"] == "next"

    await set_role(scenario.superuser, Role.USER)
    withdrawn = await scenario.graphql(
        WITHDRAW, {"input": {"migrationId": migration["id"]}}, colleague
    )
    assert withdrawn["data"]["withdrawMigration"]["userErrors"] == []
    # The withdrawal would be streamed at once; the check before it closes the socket instead,
    # with the code a revoked token's socket gets.
    assert await socket.close_code() == REFUSED


async def test_a_demoted_superusers_idle_subscription_socket_closes(
    scenario: Scenario, watchful: LiveServer, open_socket
):
    migration = await scenario.offer()
    socket = await open_socket(watchful, scenario.token)
    await socket.start(PROGRESS, {"id": migration["id"]})
    assert (await socket.receive())["type"] == "next"

    await set_role(scenario.superuser, Role.USER)
    assert await socket.close_code() == REFUSED  # nothing else changed, the client sent nothing


async def test_a_promoted_users_socket_stays_open(
    scenario: Scenario, watchful: LiveServer, open_socket
):
    socket = await open_socket(watchful, scenario.clerk_token)
    await set_role(scenario.clerk, Role.SUPERUSER)
    answer = await socket.run(VIEWER)  # checked again before it runs: more sight closes nothing
    assert answer["data"]["viewer"]["user"]["email"] == scenario.clerk.email


async def test_a_socket_with_a_good_token_stays_open_across_rechecks(
    scenario: Scenario, watchful: LiveServer, open_socket
):
    socket = await open_socket(watchful, scenario.token)
    await asyncio.sleep(QUICK_RECHECK * 5)
    answer = await socket.run(VIEWER)
    assert answer["data"]["viewer"]["tokenScope"] == "FULL"


# ---------------------------------------------------------------------------------------------
# Expiry: from its expiry second on, a token is refused exactly as a revoked one.
# ---------------------------------------------------------------------------------------------


async def test_a_token_may_be_given_an_expiry_in_days(scenario: Scenario, clock):
    payload = await create_token(scenario.server, scenario.token, expiresInDays=30)
    assert payload["userErrors"] == []
    expires_at = datetime.fromisoformat(payload["apiToken"]["expiresAt"])
    assert expires_at == clock.now() + timedelta(days=30)

    forever = await create_token(scenario.server, scenario.token)
    assert forever["apiToken"]["expiresAt"] is None
    clock.advance(timedelta(days=400))
    body = await scenario.server.graphql(VIEWER, token=forever["secret"])
    assert body["data"]["viewer"]["tokenScope"] == "FULL"


async def test_a_token_never_outlives_the_token_that_created_it(scenario: Scenario, clock):
    temporary = await create_token(scenario.server, scenario.token, expiresInDays=2)
    ends = datetime.fromisoformat(temporary["apiToken"]["expiresAt"])
    for days in (None, 30):
        extra = {"expiresInDays": days} if days else {}
        child = await create_token(scenario.server, temporary["secret"], **extra)
        assert datetime.fromisoformat(child["apiToken"]["expiresAt"]) == ends
    shorter = await create_token(scenario.server, temporary["secret"], expiresInDays=1)
    assert datetime.fromisoformat(shorter["apiToken"]["expiresAt"]) == clock.now() + timedelta(
        days=1
    )


@pytest.mark.parametrize("days", [0, -1, 367])
async def test_an_expiry_outside_one_day_to_a_year_is_refused(scenario: Scenario, days: int):
    rows = await ApiToken.all().count()
    payload = await create_token(scenario.server, scenario.token, expiresInDays=days)
    assert payload["apiToken"] is None and payload["secret"] is None
    assert payload["userErrors"] == [{"code": "INVALID", "field": ["input", "expiresInDays"]}]
    assert await ApiToken.all().count() == rows


async def test_an_expired_token_is_refused_over_http_and_for_file_downloads(
    scenario: Scenario, clock
):
    secret = (await create_token(scenario.server, scenario.token, expiresInDays=1))["secret"]
    document = await Document.filter(administration_id=scenario.ready[0].pk).first()
    assert document is not None
    path = f"/documents/{document.pk}/file"
    headers = {"Authorization": f"Bearer {secret}"}

    clock.advance(timedelta(days=1, seconds=-1))
    body = await scenario.server.graphql(VIEWER, token=secret)
    assert body["data"]["viewer"]["tokenScope"] == "FULL"
    assert (await scenario.server.client.get(path, headers=headers)).status_code == 200

    clock.advance(timedelta(seconds=1))
    body = await scenario.server.graphql(VIEWER, token=secret)
    assert body["data"] == {"viewer": None} and error_codes(body) == ["UNAUTHENTICATED"]
    download = await scenario.server.client.get(path, headers=headers)
    assert download.status_code == 401
    assert download.json()["error"]["code"] == "UNAUTHENTICATED"


async def test_an_open_socket_closes_when_its_token_expires(
    scenario: Scenario, watchful: LiveServer, clock, open_socket
):
    secret = (await create_token(scenario.server, scenario.token, expiresInDays=1))["secret"]
    migration = await scenario.offer()
    socket = await open_socket(watchful, secret)
    await socket.start(PROGRESS, {"id": migration["id"]})
    assert (await socket.receive())["type"] == "next"

    # The token lapses a second from now on the service's clock. A watchdog waits for that
    # moment in real seconds, so the second is written first (PostgreSQL rings the socket with
    # the change, and it waits a second instead of a day); then only the clock moves on.
    await ApiToken.filter(token_hash=hash_token(secret)).update(
        expires_at=clock.now() + timedelta(seconds=1)
    )
    clock.advance(timedelta(seconds=2))  # nothing in the database changes from here on
    assert await socket.close_code() == REFUSED


async def test_an_expired_token_cannot_open_a_socket(scenario: Scenario, clock):
    secret = (await create_token(scenario.server, scenario.token, expiresInDays=1))["secret"]
    clock.advance(timedelta(days=2))
    url = scenario.server.base_url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as connection:
        socket = Socket(connection)
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {secret}"}}
        await connection.send(json.dumps(init))
        assert await socket.close_code() == REFUSED


async def test_the_command_line_issues_a_token_that_expires(server, factory, settings, clock):
    user = await factory.user(await factory.environment())
    created = overdracht(
        settings, "token", "create", "--email", user.email, "--expires-in-days", "7"
    )
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    token = await ApiToken.get(user_id=user.pk)
    assert token.expires_at is not None
    assert abs(token.expires_at - (clock.now() + timedelta(days=7))) < timedelta(minutes=5)

    listed = overdracht(settings, "token", "list", "--email", user.email)
    assert f"expires {token.expires_at:%Y-%m-%d}" in listed.stdout

    clock.set(token.expires_at)
    body = await server.graphql(VIEWER, token=secret)
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_the_command_line_refuses_an_expiry_outside_one_day_to_a_year(factory, settings):
    user = await factory.user(await factory.environment())
    for days in ("0", "367", "soon"):
        result = overdracht(
            settings, "token", "create", "--email", user.email, "--expires-in-days", days
        )
        assert result.returncode == 2 and "--expires-in-days" in result.stderr
    assert await ApiToken.filter(user_id=user.pk).count() == 0
