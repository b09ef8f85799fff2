"""Progress pushed by PostgreSQL: two API processes, one database, subscribers that wait for news.

Each server below is the real app with its own listening connection, as each API process has;
the worker is an `overdracht worker` process of its own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from datetime import timedelta

import pytest
import websockets

from api.change_news import ChangeNews
from api.socket_auth import REFUSED_CODE
from models import Migration, MigrationAdministration
from models.enums import Role, TokenScope
from overdracht.scratch_database import connected
from tests.documents import WITHDRAW
from tests.live_server import LiveServer, start_server
from tests.scenarios import Scenario, pk_of, wait_until
from tests.subscriptions import connect as connect_to
from tests.subscriptions import subscribed
from tests.workers import start_worker

pytestmark = pytest.mark.postgres

IDLE_WINDOW = 3.0  # longer than the token re-check interval and many poll intervals


def news_of(server: LiveServer) -> ChangeNews:
    """The server process's listening connection and its doorbells."""
    assert server.app is not None, "a server in this process"
    news: ChangeNews = server.app.state.news
    return news


async def test_a_subscriber_sees_a_claim_through_the_other_process_and_a_workers_move(
    scenario: Scenario, settings, clock, files
):
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    assert news_of(scenario.server).listening
    socket, client = await subscribed(
        scenario.server.base_url, scenario.target_token, migration["id"]
    )
    async with socket, start_server(settings, clock, files) as other:
        through_other = dataclasses.replace(scenario, server=other)
        claimed = await through_other.claim(migration["transferCode"], scenario.items(migration))
        assert claimed["userErrors"] == []
        [row] = await client.next_rows(timeout=30) or []
        assert row["status"] == "QUEUED"

        worker = start_worker(settings, OVERDRACHT_MOVE_BATCH_SIZE="1")
        try:
            seen = []
            while (rows := await client.next_rows(timeout=30)) is not None:
                seen.append(rows[0]["status"])
        finally:
            worker.terminate()
            worker.wait(timeout=10)
    assert seen[-1] == "COMPLETED"


async def test_idle_subscribers_cost_the_database_nothing(
    scenario: Scenario, settings, clock, files, count_queries
):
    migration = await scenario.offer()
    async with start_server(settings, clock, files) as other:
        await asyncio.sleep(0.5)
        count_queries.statements.clear()
        await asyncio.sleep(IDLE_WINDOW)
        without = len(count_queries.statements)

        sockets = []
        for n in range(6):
            server = scenario.server if n % 2 else other
            token = scenario.token if n % 3 else scenario.target_token
            sockets.append(await subscribed(server.base_url, token, migration["id"]))

        async def all_waiting() -> bool:  # each socket's token, and each subscription
            return news_of(scenario.server).waiters() + news_of(other).waiters() == 12

        await wait_until(all_waiting, "every socket and subscription waiting for news", 60)
        await asyncio.sleep(0.5)
        count_queries.statements.clear()
        await asyncio.sleep(IDLE_WINDOW)
        with_subscribers = list(count_queries.statements)

        # Then one change reaches every one of them.
        withdrawn = await scenario.graphql(
            WITHDRAW, {"input": {"migrationId": migration["id"]}}, scenario.token
        )
        assert withdrawn["data"]["withdrawMigration"]["userErrors"] == []
        for socket, client in sockets:
            async with socket:
                rows = await client.next_rows(timeout=30)
                assert rows is not None and {row["status"] for row in rows} == {"WITHDRAWN"}
    assert len(with_subscribers) <= without, with_subscribers


async def test_polling_behind_a_pooler_reads_per_subscriber(
    scenario: Scenario, settings, clock, files, count_queries
):
    migration = await scenario.offer()
    polling = settings.with_overrides(progress_updates="poll")
    async with start_server(polling, clock, files) as pooled:
        assert not news_of(pooled).listening
        socket, client = await subscribed(pooled.base_url, scenario.target_token, migration["id"])
        async with socket:
            count_queries.statements.clear()
            await asyncio.sleep(0.5)
            assert count_queries.statements  # the reference the benchmark compares with

            await MigrationAdministration.filter(migration_id=pk_of(migration["id"])).update(
                documents_total=7
            )
            rows = await client.next_rows(timeout=30)
    assert rows is not None and rows[0]["progress"]["documentsTotal"] == 7


async def test_the_listener_comes_back_after_its_backend_is_killed(
    scenario: Scenario, settings, caplog
):
    caplog.set_level(logging.INFO, logger="api.change_news")
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    news = news_of(scenario.server)
    socket, client = await subscribed(
        scenario.server.base_url, scenario.target_token, migration["id"]
    )
    async with socket, connected(settings.database_url) as admin:
        listeners = """SELECT pid FROM pg_stat_activity
            WHERE application_name = 'overdracht change news' AND datname = current_database()"""
        [before] = await admin.fetch(listeners)
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", before["pid"])

        async def listening_again() -> bool:
            pids = [row["pid"] for row in await admin.fetch(listeners)]
            return news.listening and pids != [] and before["pid"] not in pids

        await wait_until(listening_again, "the listener reconnecting", 60)
        said = [record.getMessage() for record in caplog.records]
        assert any("poll every" in line for line in said), said  # the fallback is logged
        assert any("again" in line for line in said), said

        claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
        assert claimed["userErrors"] == []
        statuses = []
        while not statuses or statuses[-1] != "QUEUED":
            rows = await client.next_rows(timeout=30)
            assert rows is not None
            statuses.append(rows[0]["status"])


async def test_an_offer_that_expires_by_the_clock_alone_ends_the_subscription(
    scenario: Scenario, clock
):
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    socket, client = await subscribed(scenario.server.base_url, scenario.token, migration["id"])
    async with socket:
        soon = clock.now() + timedelta(seconds=1)
        pk = pk_of(migration["id"])
        await Migration.filter(pk=pk).update(expires_at=soon)
        await MigrationAdministration.filter(migration_id=pk).update(expires_at=soon)
        [row] = await client.next_rows(timeout=30) or []
        assert row["status"] == "OFFERED"

        clock.advance(timedelta(seconds=2))  # nothing in the database changes from here on
        [row] = await client.next_rows(timeout=30) or []
        assert row["status"] == "EXPIRED"
        assert await client.next_rows(timeout=30) is None


async def test_only_changes_a_subscriber_sees_are_announced(scenario: Scenario, settings):
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    pk = pk_of(migration["id"])
    heard: list[tuple[str, str]] = []
    async with connected(settings.database_url) as listener:
        await listener.add_listener("overdracht_progress", lambda *n: heard.append(n[2:]))
        await listener.add_listener("overdracht_access", lambda *n: heard.append(n[2:]))
        items = MigrationAdministration.filter(migration_id=pk)
        await items.update(lease_until=scenario.factory.clock.now())  # a lease renewed
        await items.update(documents_done=0)  # a heartbeat without progress
        await scenario.superuser.save()  # a user saved unchanged
        await items.update(documents_done=5)
        scenario.clerk.is_active = False
        await scenario.clerk.save()
        # One round trip on the listening connection: every notification sent before is in.
        await listener.execute("SELECT 1")
        await asyncio.sleep(0.2)
    assert heard == [
        ("overdracht_progress", str(pk)),
        ("overdracht_access", f"user:{scenario.clerk.pk}"),
    ]


async def test_a_role_change_closes_an_idle_subscribers_socket_through_news(
    scenario: Scenario, settings, clock, files
):
    # Its watchdog would look again only in ten minutes: the news of the role alone closes it.
    patient = settings.with_overrides(token_recheck_seconds=600.0)
    migration = await scenario.offer()
    async with start_server(patient, clock, files) as server:
        socket, client = await subscribed(server.base_url, scenario.token, migration["id"])
        async with socket:
            scenario.superuser.role = Role.USER
            await scenario.superuser.save(update_fields=["role"])
            with pytest.raises(websockets.ConnectionClosed) as closed:
                message = await client.receive(timeout=60)
                pytest.fail(f"a message came before the close: {message}")
    assert closed.value.rcvd is not None and closed.value.rcvd.code == REFUSED_CODE


SEEN_ALIKE = """
subscription($id: ID!) {
  migrationProgress(migrationId: $id) {
    transferCode
    administrations { nodes { inboundMailAddress transferCode progress { documentsDone } } }
  }
}"""


async def test_subscribers_who_see_an_offer_alike_get_the_same_bytes_and_the_others_their_own(
    scenario: Scenario,
):
    """One rendering is shared by the subscribers of one audience, never across audiences: the
    code is the offering superusers' alone, the inbound address not for a read-only token."""
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    tokens = {
        "source": scenario.token,
        "source again": await scenario.factory.token(scenario.superuser),
        "source read-only": await scenario.factory.token(
            scenario.superuser, scope=TokenScope.READ_ONLY
        ),
        "target": scenario.target_token,
    }
    sockets = {}
    for name, token in tokens.items():
        socket, client = await connect_to(scenario.server.base_url, token)
        assert (await client.receive())["type"] == "connection_ack"
        await client.subscribe(migration["id"], query=SEEN_ALIKE)
        assert (await client.receive())["type"] == "next"
        sockets[name] = socket
    try:
        pk = pk_of(migration["id"])
        await MigrationAdministration.filter(migration_id=pk).update(documents_done=7)
        raw = {name: await asyncio.wait_for(s.recv(), 30) for name, s in sockets.items()}
    finally:
        for socket in sockets.values():
            await socket.close()
    assert raw["source"] == raw["source again"]
    seen = {
        name: json.loads(text)["payload"]["data"]["migrationProgress"] for name, text in raw.items()
    }
    assert {name: offer["transferCode"] is not None for name, offer in seen.items()} == {
        "source": True,
        "source again": True,
        "source read-only": False,
        "target": False,
    }
    rows = {name: offer["administrations"]["nodes"][0] for name, offer in seen.items()}
    assert {name: row["inboundMailAddress"] is not None for name, row in rows.items()} == {
        "source": True,
        "source again": True,
        "source read-only": False,
        "target": True,
    }
    assert {row["progress"]["documentsDone"] for row in rows.values()} == {7}
