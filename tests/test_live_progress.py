"""Live progress over a real WebSocket with the graphql-transport-ws protocol."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import websockets

from models.enums import TokenScope
from mover.engine import MoveEngine
from tests.scenarios import Scenario

SUBSCRIBE = """
subscription($id: ID!) {
  migrationProgress(migrationId: $id) {
    administrations {
      nodes { administrationName status progress { documentsDone documentsTotal } }
    }
  }
}"""


class Client:
    """A graphql-transport-ws client, just enough to subscribe and read messages."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket

    async def send(self, message: dict) -> None:
        await self.socket.send(json.dumps(message))

    async def subscribe(self, migration_id: str, operation: str = "1") -> None:
        payload = {"query": SUBSCRIBE, "variables": {"id": migration_id}}
        await self.send({"id": operation, "type": "subscribe", "payload": payload})

    async def receive(self) -> dict:
        return json.loads(await asyncio.wait_for(self.socket.recv(), timeout=20))


async def connect(scenario: Scenario, token: str | None):
    url = scenario.server.base_url.replace("http://", "ws://") + "/graphql"
    socket = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    client = Client(socket)
    payload = {"Authorization": f"Bearer {token}"} if token else {}
    await client.send({"type": "connection_init", "payload": payload})
    return socket, client


async def test_subscription_follows_a_real_move_to_completion(
    scenario: Scenario, settings, clock, files
):
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    await scenario.claim(migration["transferCode"], scenario.items(migration))
    socket, client = await connect(scenario, scenario.target_token)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        await client.subscribe(migration["id"])
        first = await client.receive()
        assert first["type"] == "next"
        [row] = first["payload"]["data"]["migrationProgress"]["administrations"]["nodes"]
        assert row["status"] == "QUEUED"

        engine = MoveEngine(settings, clock, files, batch_size=1)
        heartbeat = engine._heartbeat

        async def slow_heartbeat(claim, **changes):
            await heartbeat(claim, **changes)
            await asyncio.sleep(0.15)

        engine._heartbeat = slow_heartbeat  # type: ignore[method-assign]
        mover = asyncio.create_task(engine.run_until_idle())
        seen = [(row["status"], row["progress"]["documentsDone"])]
        while True:
            message = await client.receive()
            if message["type"] == "complete":
                break
            assert message["type"] == "next", message
            [row] = message["payload"]["data"]["migrationProgress"]["administrations"]["nodes"]
            seen.append((row["status"], row["progress"]["documentsDone"]))
        await mover
    statuses = [status for status, _ in seen]
    assert statuses[0] == "QUEUED" and statuses[-1] == "COMPLETED"
    running = [done for status, done in seen if status == "RUNNING"]
    assert len(running) >= 2
    assert running == sorted(running) and running[-1] > running[0]
    assert seen[-1][1] == 3


async def test_a_subscriber_without_a_token_is_refused(scenario: Scenario):
    socket, client = await connect(scenario, None)
    async with socket:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await client.receive()
    assert closed.value.rcvd.code == 4403


async def test_a_subscriber_of_an_uninvolved_environment_gets_an_error(scenario: Scenario, factory):
    migration = await scenario.offer()
    stranger = await factory.token(await factory.user(await factory.environment()))
    socket, client = await connect(scenario, stranger)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        await client.subscribe(migration["id"])
        message = await client.receive()
    assert message["type"] in ("error", "next")
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_non_superuser_subscriber_is_refused(scenario: Scenario):
    migration = await scenario.offer()
    socket, client = await connect(scenario, scenario.clerk_token)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        await client.subscribe(migration["id"])
        message = await client.receive()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_partner_token_may_subscribe(scenario: Scenario, factory):
    migration = await scenario.offer()
    partner = await factory.token(scenario.superuser, scope=TokenScope.READ_ONLY)
    socket, client = await connect(scenario, partner)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        await client.subscribe(migration["id"])
        message = await client.receive()
    assert message["type"] == "next"
    rows = message["payload"]["data"]["migrationProgress"]["administrations"]["nodes"]
    assert {row["status"] for row in rows} == {"OFFERED"}


async def test_subscriptions_per_connection_are_bounded(scenario: Scenario):
    migration = await scenario.offer()
    socket, client = await connect(scenario, scenario.token)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        for i in range(6):
            await client.subscribe(migration["id"], str(i))
        refused = None
        for _ in range(12):
            message = await client.receive()
            if message["type"] == "error":
                refused = message
                break
    assert refused is not None and refused["id"] == "5"


async def test_the_subscription_limit_is_an_error_with_its_code(scenario: Scenario):
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    socket, client = await connect(scenario, scenario.token)
    try:
        assert (await client.receive())["type"] == "connection_ack"
        for n in range(6):
            await client.subscribe(migration["id"], operation=str(n))
        errors = []
        for _ in range(20):
            message = await client.receive()
            if message["type"] == "error":
                errors.append(message)
                break
        [refused] = errors
        assert refused["id"] == "5"
        assert refused["payload"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"
    finally:
        await socket.close()
