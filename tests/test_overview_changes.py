"""`overviewChanges`: one subscription for every row of an office's two overviews."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
import websockets

from api.change_news import ChangeNews
from api.ids import encode_global_id
from api.resolvers.overview_feed import OverviewFeed
from api.resolvers.receivable_administrations import receivable_scope, receiving_offices
from models import Migration, MigrationAdministration, User
from models.enums import AccountingPackage, Plan, Role, TokenScope
from tests.scenarios import Scenario, pk_of, wait_until
from tests.subscriptions import Client
from tests.subscriptions import connect as connect_to
from worker.mover import Mover

CHANGES = """
subscription {
  overviewChanges {
    id status administrationName transferCode recipients inboundMailAddress
    progress { documentsDone documentsTotal }
    sourceOffice { officeCode }
  }
}"""
REVOKE = """
mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }
"""
ENDED = {"COMPLETED", "WITHDRAWN", "REJECTED", "EXPIRED"}


async def following(scenario: Scenario, token: str, operation: str = "changes") -> tuple:
    """A socket acknowledged and subscribed to overviewChanges; the feed counts it."""
    socket, client = await connect_to(scenario.server.base_url, token)
    assert (await client.receive())["type"] == "connection_ack"
    feed: OverviewFeed = scenario.server.app.state.overviews
    before = feed.followers()
    await client.send({"id": operation, "type": "subscribe", "payload": {"query": CHANGES}})
    await wait_until(lambda: _at_least(feed, before + 1), "the subscriber following its office")
    return socket, client


async def _at_least(feed: OverviewFeed, count: int) -> bool:
    return feed.followers() >= count


async def next_row(client: Client, operation: str = "changes") -> dict[str, Any]:
    """The row of the next message of the subscription."""
    message = await client.receive(timeout=30)
    assert message["type"] == "next" and message["id"] == operation, message
    row: dict[str, Any] = message["payload"]["data"]["overviewChanges"]
    return row


async def rows_until(client: Client, item_id: str, status: str) -> list[dict[str, Any]]:
    """Every row sent until the given row reaches the status, in the order sent."""
    rows = []
    while True:
        row = await next_row(client)
        rows.append(row)
        if row["id"] == item_id and row["status"] == status:
            return rows


def statuses(rows: list[dict[str, Any]], item_id: str) -> list[str]:
    shown = [row["status"] for row in rows if row["id"] == item_id]
    return [s for i, s in enumerate(shown) if i == 0 or shown[i - 1] != s]


async def test_an_offer_made_claimed_moved_and_completed_reaches_both_sides_and_no_other(
    scenario: Scenario, factory, settings, clock, files
):
    stranger_office = await factory.environment(plan=Plan.PREMIUM, name="Elders")
    stranger = await factory.user(stranger_office)
    stranger_token = await factory.token(stranger)
    source_socket, source = await following(scenario, scenario.token)
    target_socket, target = await following(scenario, scenario.target_token)
    stranger_socket, watcher = await following(scenario, stranger_token)
    async with source_socket, target_socket, stranger_socket:
        migration = await scenario.offer(administrations=[scenario.ready[0]])
        [item_id] = scenario.items(migration)
        offered = await next_row(source)
        assert (offered["id"], offered["status"]) == (item_id, "OFFERED")
        assert offered["transferCode"] == migration["transferCode"]  # the source's own view
        seen_by_target = await next_row(target)
        assert (seen_by_target["id"], seen_by_target["status"]) == (item_id, "OFFERED")
        assert seen_by_target["transferCode"] is None and seen_by_target["recipients"] is None
        assert seen_by_target["sourceOffice"]["officeCode"] == scenario.source.office_code

        assert (await scenario.claim(migration["transferCode"], [item_id]))["userErrors"] == []
        for client in (source, target):
            assert [row["id"] for row in await rows_until(client, item_id, "QUEUED")] == [item_id]
        await Mover(settings, clock, files, batch_size=1).run_until_idle()
        for client in (source, target):
            rows = await rows_until(client, item_id, "COMPLETED")
            assert {row["id"] for row in rows} == {item_id}
            # Polling may see a short move only at its end; news shows every step.
            assert set(statuses(rows, item_id)) <= {"RUNNING", "COMPLETED"}, rows
            assert rows[-1]["progress"] == {"documentsDone": 3, "documentsTotal": 3}

        # The stranger's first message is about its own offer: nothing of the others reached it.
        connection = await factory.connection(stranger_office, AccountingPackage.EXACT_ONLINE)
        own = await factory.administration(connection, name="Eigen Klant BV", documents=1)
        await scenario.offer(token=stranger_token, administrations=[own])
        first = await next_row(watcher)
        assert first["administrationName"] == "Eigen Klant BV", first
        assert first["sourceOffice"]["officeCode"] == stranger_office.office_code


async def test_a_partner_token_follows_the_rows_without_codes_or_addresses(
    scenario: Scenario, factory
):
    partner = await factory.token(scenario.superuser, scope=TokenScope.READ_ONLY)
    socket, client = await following(scenario, partner)
    async with socket:
        migration = await scenario.offer(administrations=[scenario.ready[1]])
        row = await next_row(client)
        assert row["id"] == scenario.items(migration)[0]
        assert row["status"] == "OFFERED"
        assert (row["transferCode"], row["recipients"], row["inboundMailAddress"]) == (
            None,
            None,
            None,
        )


async def test_a_withdrawn_row_is_sent_and_each_change_once(scenario: Scenario):
    socket, client = await following(scenario, scenario.token)
    async with socket:
        migration = await scenario.offer()
        first, second = scenario.items(migration)
        sent = {(await next_row(client))["id"] for _ in range(2)}
        assert sent == {first, second}
        body = await scenario.graphql(
            """mutation($input: WithdrawMigrationInput!) {
                 withdrawMigration(input: $input) { userErrors { code } } }""",
            {"input": {"migrationId": migration["id"], "migrationAdministrationId": second}},
            scenario.token,
        )
        assert body["data"]["withdrawMigration"]["userErrors"] == []
        row = await next_row(client)
        assert (row["id"], row["status"]) == (second, "WITHDRAWN")
        # The untouched row is not sent again: the next message is the next change.
        await MigrationAdministration.filter(pk=pk_of(first)).update(documents_total=99)
        row = await next_row(client)
        assert (row["id"], row["progress"]["documentsTotal"]) == (first, 99)


async def test_the_subscription_ends_when_the_token_is_revoked_or_the_user_demoted(
    scenario: Scenario, factory
):
    socket, client = await following(scenario, scenario.token)
    async with socket:
        token = encode_global_id("ApiToken", (await scenario.superuser.tokens.all())[0].pk)
        body = await scenario.graphql(REVOKE, {"input": {"tokenId": token}}, scenario.token)
        assert body["data"]["revokeApiToken"]["userErrors"] == []
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:
                await client.receive(timeout=30)
        assert closed.value.rcvd.code == 4403

    socket, client = await following(scenario, scenario.target_token)
    async with socket:
        await User.filter(pk=scenario.target_superuser.pk).update(role=Role.USER)
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:
                await client.receive(timeout=30)
        assert closed.value.rcvd.code == 4403


async def test_a_user_who_may_not_see_offers_is_refused(scenario: Scenario):
    socket, client = await connect_to(scenario.server.base_url, scenario.clerk_token)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        await client.send({"id": "1", "type": "subscribe", "payload": {"query": CHANGES}})
        message = await client.receive()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_it_is_one_operation_of_the_socket_whatever_the_number_of_moves(scenario: Scenario):
    migration = await scenario.offer()
    socket, client = await following(scenario, scenario.token, operation="0")
    async with socket:
        for n in range(1, 6):
            payload = {
                "query": "subscription($id: ID!) { migrationProgress(migrationId: $id) { id } }",
                "variables": {"id": migration["id"]},
            }
            await client.send({"id": str(n), "type": "subscribe", "payload": payload})
        refused = None
        for _ in range(12):
            message = await client.receive()
            if message["type"] == "error":
                refused = message
                break
    assert refused is not None and refused["id"] == "5"
    assert refused["payload"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"


async def test_one_read_of_a_changed_row_serves_every_subscriber_of_the_office(
    scenario: Scenario, settings, clock
):
    """Many tabs of one office: the process reads a changed row once and hands the very same
    row, with the same news (which they share one rendering of), to each of them."""
    news = ChangeNews(settings)
    feed = OverviewFeed(news, settings, clock)
    async with (
        news.running(),
        feed.running(),
        feed.follow(scenario.source.pk) as first,
        feed.follow(scenario.source.pk) as second,
        feed.follow(scenario.target.pk) as receiver,
    ):
        await scenario.offer(administrations=[scenario.ready[0]])
        [a], [b], [c] = await asyncio.wait_for(
            asyncio.gather(first.changes(), second.changes(), receiver.changes()), 30
        )
        assert a[0] is b[0] and b[0] is c[0]
        assert a[1] is b[1] and b[1] is c[1]


async def test_the_offices_a_row_goes_to_are_those_whose_receivable_overview_shows_it(
    scenario: Scenario, factory
):
    """`receiving_offices` is `receivable_scope` read backwards, for offers that name their
    target and for older ones found by their recipients alone."""
    named = await scenario.offer(administrations=[scenario.ready[0]])
    older = await scenario.offer(administrations=[scenario.ready[1]])
    await Migration.filter(pk=pk_of(older["id"])).update(target_environment_id=None)
    stranger = await factory.environment(plan=Plan.PREMIUM)
    await factory.user(stranger)
    offices = [scenario.source.pk, scenario.target.pk, stranger.pk]
    rows = await MigrationAdministration.all().select_related("migration")
    assert len(rows) == 2 and named != older
    receivers = await receiving_offices(rows)
    for office in offices:
        emails = await User.filter(environment_id=office, role=Role.SUPERUSER).values_list(
            "email", flat=True
        )
        shown = await MigrationAdministration.filter(
            receivable_scope(office, list(emails))
        ).values_list("id", flat=True)
        assert set(shown) == {row.pk for row in rows if office in receivers[row.pk]}, office
    assert all(receivers[row.pk] == {scenario.target.pk} for row in rows)


async def test_a_change_made_while_the_screen_loaded_is_sent_at_once(scenario: Scenario, clock):
    """A screen loads its lists and subscribes at about the same time: what changed in the
    minute before the subscription started comes first, so nothing falls in between."""
    old = await scenario.offer(administrations=[scenario.ready[0]])
    clock.advance(timedelta(minutes=5))
    migration = await scenario.offer(administrations=[scenario.ready[1]])
    socket, client = await following(scenario, scenario.target_token)
    async with socket:
        row = await next_row(client)
        assert (row["id"], row["status"]) == (scenario.items(migration)[0], "OFFERED")
        assert row["id"] not in scenario.items(old)  # five minutes ago: loaded with the lists
