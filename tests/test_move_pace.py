"""A move's pace: documents per second measured during the move and when it should be done."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models.enums import MigrationStatus, TokenScope
from models.offers import MovePace, move_pace
from overdracht.clock import MovableClock
from tests.scenarios import Case, Scenario, bring_to, wait_until
from tests.subscriptions import Client
from tests.subscriptions import connect as connect_to
from worker.mover import Mover

PACE = "progress { documentsDone documentsTotal documentsPerSecond expectedCompletionAt }"
OFFER = f"""
query($id: ID!) {{
  migration(id: $id) {{ administrations {{ nodes {{ id status {PACE} }} }} }}
}}"""
OFFERED = f"query {{ offeredAdministrations {{ nodes {{ id status {PACE} }} }} }}"
RECEIVABLE = f"query {{ receivableAdministrations {{ nodes {{ id status {PACE} }} }} }}"
PROGRESS = f"""
subscription($id: ID!) {{
  migrationProgress(migrationId: $id) {{ administrations {{ nodes {{ id status {PACE} }} }} }}
}}"""
CHANGES = f"subscription {{ overviewChanges {{ id status {PACE} }} }}"
UNKNOWN = {"documentsPerSecond": None, "expectedCompletionAt": None}


def at(moment: datetime) -> str:
    """A moment as the API writes it."""
    return moment.isoformat()


def pace(row: dict[str, Any]) -> dict[str, Any]:
    """The pace fields of a row's progress."""
    progress = row["progress"]
    return {key: progress[key] for key in UNKNOWN}


async def running_move(scenario: Scenario, engine: Mover, clock: MovableClock) -> Case:
    """A move just taken by a worker: RUNNING, nothing done yet."""
    administration = await scenario.factory.administration(scenario.exact, documents=2)
    return await bring_to(MigrationStatus.RUNNING, scenario, engine, clock, [administration])


async def report(case: Case, engine: Mover, done: int, total: int) -> None:
    """The worker's heartbeat as a verified page reports it."""
    assert case.held is not None
    await engine._heartbeat(case.held, documents_total=total, documents_done=done)


async def rows_seen(scenario: Scenario, case: Case, token: str) -> list[dict[str, Any]]:
    """The move's row in the offer and in both overviews, as far as the token reads them."""
    rows = []
    body = await scenario.graphql(OFFER, {"id": case.migration["id"]}, token)
    assert "errors" not in body, body
    rows += body["data"]["migration"]["administrations"]["nodes"]
    for query, field in (
        (OFFERED, "offeredAdministrations"),
        (RECEIVABLE, "receivableAdministrations"),
    ):
        body = await scenario.graphql(query, None, token)
        assert "errors" not in body, body
        if body["data"][field] is not None:
            rows += [row for row in body["data"][field]["nodes"] if row["id"] == case.item_id]
    return rows


async def test_pace_over_http_for_both_sides_and_their_partners(
    scenario: Scenario, factory, settings, clock, files
):
    engine = Mover(settings, clock, files, batch_size=1)
    case = await running_move(scenario, engine, clock)
    tokens = [
        scenario.token,
        scenario.target_token,
        await factory.token(scenario.superuser, TokenScope.READ_ONLY),
        await factory.token(scenario.target_superuser, TokenScope.READ_ONLY),
    ]
    # Each token reads the row in the offer and in its own side's overview.
    for token in tokens:
        rows = await rows_seen(scenario, case, token)
        assert len(rows) == 2 and all(row["status"] == "RUNNING" for row in rows), rows
        assert [pace(row) for row in rows] == [UNKNOWN] * 2

    await report(case, engine, done=0, total=1000)
    clock.advance(timedelta(seconds=10))
    assert [pace(row) for row in await rows_seen(scenario, case, scenario.token)] == [UNKNOWN] * 2

    await report(case, engine, done=100, total=1000)
    expected = {
        "documentsPerSecond": 10.0,
        "expectedCompletionAt": at(clock.now() + timedelta(seconds=90)),
    }
    for token in tokens:
        assert [pace(row) for row in await rows_seen(scenario, case, token)] == [expected] * 2

    # Between two reports the pace stays what the last one measured.
    clock.advance(timedelta(seconds=5))
    rows = await rows_seen(scenario, case, scenario.target_token)
    assert [pace(row) for row in rows] == [expected] * 2

    # A worker that lost the move: the next attempt measures its own pace from its start.
    clock.advance(settings.move_lease)
    [case.held] = await engine.take()
    rows = await rows_seen(scenario, case, scenario.token)
    assert [pace(row) for row in rows] == [UNKNOWN] * 2
    clock.advance(timedelta(seconds=4))
    await report(case, engine, done=100, total=1000)
    rows = await rows_seen(scenario, case, scenario.token)
    assert [row["progress"]["documentsPerSecond"] for row in rows] == [25.0] * 2


async def test_pace_is_null_once_the_move_completed_or_failed(
    scenario: Scenario, settings, clock, files
):
    engine = Mover(settings, clock, files, batch_size=1)
    case = await running_move(scenario, engine, clock)
    clock.advance(timedelta(seconds=10))
    await report(case, engine, done=1, total=2)
    assert pace((await rows_seen(scenario, case, scenario.token))[0])["documentsPerSecond"] == 0.1
    clock.advance(settings.move_lease)
    await engine.run_until_idle()
    failed = await bring_to(MigrationStatus.FAILED, scenario, engine, clock, scenario.ready[:1])
    for ended, status in ((case, "COMPLETED"), (failed, "FAILED")):
        rows = await rows_seen(scenario, ended, scenario.token)
        assert [(row["status"], pace(row)) for row in rows] == [(status, UNKNOWN)] * 2


def test_the_expected_completion_is_never_before_now():
    started = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    reported = started + timedelta(seconds=10)
    late = reported + timedelta(minutes=5)
    measured = move_pace(MigrationStatus.RUNNING, 100, 1000, started, reported, late)
    assert measured.documents_per_second == 10.0
    assert measured.expected_completion_at == late
    done = move_pace(MigrationStatus.RUNNING, 1000, 1000, started, reported, reported)
    assert done.expected_completion_at == reported
    queued = move_pace(MigrationStatus.QUEUED, 100, 1000, started, reported, reported)
    assert queued == MovePace()


async def next_progress(client: Client) -> dict[str, Any]:
    message = await client.receive(timeout=30)
    assert message["type"] == "next", message
    [row] = message["payload"]["data"]["migrationProgress"]["administrations"]["nodes"]
    return row


async def test_pace_over_the_progress_subscription_for_a_partner(
    scenario: Scenario, factory, settings, clock, files
):
    engine = Mover(settings, clock, files, batch_size=1)
    case = await running_move(scenario, engine, clock)
    partner = await factory.token(scenario.target_superuser, TokenScope.READ_ONLY)
    socket, client = await connect_to(scenario.server.base_url, partner)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        await client.subscribe(case.migration["id"], query=PROGRESS)
        first = await next_progress(client)
        assert (first["status"], pace(first)) == ("RUNNING", UNKNOWN)
        clock.advance(timedelta(seconds=10))
        await report(case, engine, done=100, total=1000)
        row = await next_progress(client)
        assert pace(row) == {
            "documentsPerSecond": 10.0,
            "expectedCompletionAt": at(clock.now() + timedelta(seconds=90)),
        }


async def test_pace_over_the_overview_changes(scenario: Scenario, settings, clock, files):
    engine = Mover(settings, clock, files, batch_size=1)
    socket, client = await connect_to(scenario.server.base_url, scenario.token)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        feed = scenario.server.app.state.overviews
        await client.send({"id": "changes", "type": "subscribe", "payload": {"query": CHANGES}})

        async def following() -> bool:
            return bool(feed.followers() >= 1)

        await wait_until(following, "the subscriber following its office")
        case = await running_move(scenario, engine, clock)
        clock.advance(timedelta(seconds=20))
        await report(case, engine, done=100, total=1000)
        expected = {
            "documentsPerSecond": 5.0,
            "expectedCompletionAt": at(clock.now() + timedelta(seconds=180)),
        }
        while True:
            message = await client.receive(timeout=30)
            assert message["type"] == "next", message
            row = message["payload"]["data"]["overviewChanges"]
            if row["id"] == case.item_id and row["progress"]["documentsDone"] == 100:
                break
        assert pace(row) == expected
