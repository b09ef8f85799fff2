"""Live progress over a real WebSocket with the graphql-transport-ws protocol."""

from __future__ import annotations

import asyncio

import pytest
import websockets

from models.enums import TokenScope
from tests.scenarios import Scenario
from tests.subscriptions import connect as connect_to
from worker.mover import Mover


async def connect(scenario: Scenario, token: str | None):
    return await connect_to(scenario.server.base_url, token)


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

        engine = Mover(settings, clock, files, batch_size=1)
        heartbeat = engine._heartbeat
        streamed = -1  # the most documents done a RUNNING message has shown
        news = asyncio.Condition()

        async def heartbeat_once_streamed(held, **changes):
            """Each step of progress waits until the subscriber was sent it, so what the test
            sees does not depend on how fast the machine runs the move and the stream."""
            await heartbeat(held, **changes)
            async with news:
                await asyncio.wait_for(
                    news.wait_for(lambda: streamed >= changes["documents_done"]), 60
                )

        engine._heartbeat = heartbeat_once_streamed  # type: ignore[method-assign]
        mover = asyncio.create_task(engine.run_until_idle())
        seen = [(row["status"], row["progress"]["documentsDone"])]
        while True:
            message = await client.receive()
            if message["type"] == "complete":
                break
            assert message["type"] == "next", message
            [row] = message["payload"]["data"]["migrationProgress"]["administrations"]["nodes"]
            seen.append((row["status"], row["progress"]["documentsDone"]))
            if row["status"] == "RUNNING":
                async with news:
                    streamed = max(streamed, row["progress"]["documentsDone"])
                    news.notify_all()
        await mover
    statuses = [status for status, _ in seen]
    assert statuses[0] == "QUEUED" and statuses[-1] == "COMPLETED"
    running = [done for status, done in seen if status == "RUNNING"]
    # Every step of the 3-document archive, in order (a step may show twice: its total too).
    assert running == sorted(running) and set(running) == {0, 1, 2, 3}, seen
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
