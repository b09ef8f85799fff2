"""Moves at a chosen moment: set when receiving, seen by both sides, changed until the move
starts, recorded in the audit trail, and never started early by a worker (a movable clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models import AuditEvent, MigrationAdministration
from models.enums import AuditAction, MigrationStatus, Role, TokenScope
from models.refusals import RefusalCode
from models.scheduling import not_before_refusal
from models.terms import VERSION as TERMS_VERSION
from overdracht.settings import Settings
from tests.scenarios import Scenario, codes, gid, pk_of
from worker.mover import Mover

ROW = """query($id: ID!) {
  node(id: $id) { ... on MigrationAdministration { status notBefore allowedActions } }
}"""
RESCHEDULE = """mutation($input: RescheduleMoveInput!) {
  rescheduleMove(input: $input) {
    administration { id status notBefore }
    userErrors { code field message }
  }
}"""


def at(moment: datetime) -> str:
    return moment.isoformat()


async def _claimed(scenario: Scenario, not_before: datetime | None) -> str:
    """One ready administration offered and received, held until `not_before` if given."""
    migration = await scenario.offer(administrations=scenario.ready[:1])
    [item] = scenario.items(migration)
    claimed = await scenario.claim(
        migration["transferCode"], [item], not_before=at(not_before) if not_before else None
    )
    assert claimed["userErrors"] == [], claimed
    return item


async def _row(scenario: Scenario, item: str, token: str) -> dict:
    body = await scenario.graphql(ROW, {"id": item}, token)
    assert "errors" not in body, body
    return body["data"]["node"]


async def _reschedule(scenario: Scenario, item: str, moment: str | None, token: str) -> dict:
    body = await scenario.graphql(RESCHEDULE, {"input": {"id": item, "notBefore": moment}}, token)
    assert "errors" not in body, body
    return body["data"]["rescheduleMove"]


def _parsed(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


async def test_a_move_held_until_its_moment_starts_then_and_not_before(
    scenario: Scenario, settings, clock, files
):
    moment = clock.now() + timedelta(days=3)
    item = await _claimed(scenario, moment)
    for token in (scenario.token, scenario.target_token):  # both sides see it
        assert _parsed((await _row(scenario, item, token))["notBefore"]) == moment
    mover = Mover(settings, clock, files, batch_size=2)

    assert await mover.run_until_idle() == []
    clock.advance(timedelta(days=3) - timedelta(seconds=1))
    assert await mover.run_until_idle() == []
    assert (await MigrationAdministration.get(pk=pk_of(item))).status == MigrationStatus.QUEUED

    clock.advance(timedelta(seconds=1))
    assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]
    [started] = await AuditEvent.filter(action=AuditAction.STARTED, item_id=pk_of(item))
    assert started.at == moment
    [received] = await AuditEvent.filter(action=AuditAction.RECEIVED, item_id=pk_of(item))
    assert _parsed(received.detail["notBefore"]) == moment


async def test_a_move_without_a_moment_starts_at_once(scenario: Scenario, settings, clock, files):
    item = await _claimed(scenario, None)
    assert (await _row(scenario, item, scenario.target_token))["notBefore"] is None
    mover = Mover(settings, clock, files, batch_size=2)
    assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]


@pytest.mark.parametrize(
    ("offset", "code"),
    [
        (timedelta(minutes=-1), "NOT_BEFORE_IN_PAST"),
        (timedelta(days=30, seconds=1), "NOT_BEFORE_TOO_FAR"),
    ],
)
async def test_a_moment_in_the_past_or_too_far_ahead_is_refused_at_its_input(
    scenario: Scenario, clock, offset: timedelta, code: str
):
    migration = await scenario.offer()
    items = scenario.items(migration)
    choices = [None, at(clock.now() + offset)]
    body = await scenario.graphql(
        """mutation($input: ClaimMigrationInput!) {
          claimMigration(input: $input) { userErrors { code field } }
        }""",
        {
            "input": {
                "transferCode": migration["transferCode"],
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
                "acceptCosts": True,
                "administrations": [
                    {
                        "migrationAdministrationId": item,
                        "connectionId": gid("AccountingConnection", scenario.target_exact),
                        **({"notBefore": moment} if moment else {}),
                    }
                    for item, moment in zip(items, choices, strict=True)
                ],
            }
        },
        scenario.target_token,
    )
    errors = body["data"]["claimMigration"]["userErrors"]
    assert errors == [{"code": code, "field": ["input", "administrations", "1", "notBefore"]}]
    assert await MigrationAdministration.filter(status=MigrationStatus.QUEUED).count() == 0


async def test_the_longest_hold_is_a_setting(scenario: Scenario, settings, clock, files):
    moment = clock.now() + timedelta(days=30)  # exactly the most ahead: allowed
    item = await _claimed(scenario, moment)
    assert _parsed((await _row(scenario, item, scenario.token))["notBefore"]) == moment


async def test_the_receiver_moves_and_clears_the_moment_until_the_move_starts(
    scenario: Scenario, settings, clock, files
):
    first = clock.now() + timedelta(days=2)
    item = await _claimed(scenario, first)
    assert "RESCHEDULE" in (await _row(scenario, item, scenario.target_token))["allowedActions"]
    mover = Mover(settings, clock, files, batch_size=2)

    later = clock.now() + timedelta(days=5)
    moved = await _reschedule(scenario, item, at(later), scenario.target_token)
    assert moved["userErrors"] == []
    assert _parsed(moved["administration"]["notBefore"]) == later
    clock.advance(timedelta(days=2))
    assert await mover.run_until_idle() == []  # the first moment no longer holds

    too_far = clock.now() + timedelta(days=31)
    refused = await _reschedule(scenario, item, at(too_far), scenario.target_token)
    assert codes(refused) == ["NOT_BEFORE_TOO_FAR"]
    assert refused["userErrors"][0]["field"] == ["input", "notBefore"]

    cleared = await _reschedule(scenario, item, None, scenario.target_token)
    assert cleared["userErrors"] == []
    assert cleared["administration"]["notBefore"] is None
    events = await AuditEvent.filter(
        action=AuditAction.MOVE_RESCHEDULED, item_id=pk_of(item)
    ).order_by("id")
    assert [(_parsed(e.detail["was"]), _parsed(e.detail["notBefore"])) for e in events] == [
        (first, later),
        (later, None),
    ]
    assert {e.actor_environment_id for e in events} == {scenario.target.pk}

    [held] = await mover.take()
    started = await _reschedule(
        scenario, item, at(clock.now() + timedelta(days=1)), scenario.target_token
    )
    assert codes(started) == ["MOVE_STARTED"]
    assert "RESCHEDULE" not in (await _row(scenario, item, scenario.target_token))["allowedActions"]
    assert (await mover.run(held)) == MigrationStatus.COMPLETED
    done = await _reschedule(scenario, item, None, scenario.target_token)
    assert codes(done) == ["NOT_QUEUED"]


async def test_only_the_receiving_superusers_with_a_full_token_reschedule(
    scenario: Scenario, factory, clock
):
    moment = clock.now() + timedelta(days=2)
    item = await _claimed(scenario, moment)
    clerk = await factory.token(await factory.user(scenario.target, role=Role.USER))
    for token, code in (
        (scenario.token, "NOT_FOUND"),  # the source sees the moment but may not move it
        (clerk, "FORBIDDEN"),
    ):
        refused = await _reschedule(scenario, item, None, token)
        assert codes(refused) == [code]
        row = await _row(scenario, item, token)  # a clerk does not see offers at all
        assert row is None or "RESCHEDULE" not in row["allowedActions"]
    read_only = await factory.token(scenario.target_superuser, TokenScope.READ_ONLY)
    body = await scenario.graphql(RESCHEDULE, {"input": {"id": item}}, read_only)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await _row(scenario, item, read_only))["allowedActions"] == []
    assert (await MigrationAdministration.get(pk=pk_of(item))).not_before == moment
    assert not await AuditEvent.exists(action=AuditAction.MOVE_RESCHEDULED)


async def test_a_cancelled_claim_forgets_its_moment(scenario: Scenario, clock):
    item = await _claimed(scenario, clock.now() + timedelta(days=2))
    body = await scenario.graphql(
        """mutation($i: CancelMigrationInput!) {
          cancelMigration(input: $i) { userErrors { code } }
        }""",
        {"i": {"migrationAdministrationId": item}},
        scenario.target_token,
    )
    assert body["data"]["cancelMigration"]["userErrors"] == []
    assert (await MigrationAdministration.get(pk=pk_of(item))).not_before is None


@pytest.mark.parametrize(
    ("most", "said"),
    [
        (timedelta(days=30), "30 days"),
        (timedelta(days=1, hours=12), "1 day and 12 hours"),
        (timedelta(hours=6), "6 hours"),
        (timedelta(minutes=90), "1 hour and 30 minutes"),
    ],
)
def test_the_refusal_of_a_moment_too_far_says_the_whole_limit(most: timedelta, said: str):
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    settings = Settings().with_overrides(move_not_before_max=most)
    refusal = not_before_refusal(now + most + timedelta(minutes=1), now, settings)
    assert refusal is not None and refusal.code == RefusalCode.NOT_BEFORE_TOO_FAR
    assert f"at most {said} ahead;" in refusal.message
    assert not_before_refusal(now + most, now, settings) is None
