"""Rule 19: each step queues its webhook events in its own transaction, for both offices'
endpoints that asked for them, each with only what that office may read."""

from __future__ import annotations

import json

import pytest
from tortoise.transactions import in_transaction

from models import Migration, MigrationAdministration
from models.enums import MigrationStatus
from models.lifecycle import Change, give_up, withdraw
from models.webhooks import WebhookDelivery, WebhookEndpoint, WebhookEventType, new_secret
from tests.scenarios import TARGET_SUPERUSER, Scenario, pk_of
from worker.mover import Mover

ALL = [event.value for event in WebhookEventType]


async def endpoint(environment_id: int, clock, events=None, *, enabled=True) -> WebhookEndpoint:
    return await WebhookEndpoint.create(
        environment_id=environment_id,
        url="https://hooks.example/receive",
        events=ALL if events is None else events,
        secret=new_secret(),
        enabled=enabled,
        created_at=clock.now(),
        updated_at=clock.now(),
    )


async def bodies(hook: WebhookEndpoint) -> list[dict]:
    rows = await WebhookDelivery.filter(endpoint_id=hook.pk).order_by("id")
    return [json.loads(row.body) for row in rows]


async def test_both_sides_hear_each_step_with_only_what_they_may_read(
    scenario: Scenario, settings, clock, files
):
    source_hook = await endpoint(scenario.source.pk, clock)
    target_hook = await endpoint(scenario.target.pk, clock)
    migration = await scenario.offer()
    code = migration["transferCode"]
    first, second = scenario.items(migration)
    assert (await scenario.claim(code, [first]))["userErrors"] == []
    assert (await scenario.reject(code, [second], "Niet van ons"))["userErrors"] == []
    assert await Mover(settings, clock, files).run_until_idle() == [MigrationStatus.COMPLETED]

    expected = ["migration.offered", "migration.claimed", "migration.rejected"]
    expected += ["move.started", "move.completed"]
    for hook, side in ((source_hook, "source"), (target_hook, "target")):
        sent = await bodies(hook)
        assert [body["type"] for body in sent] == expected
        assert {body["data"]["side"] for body in sent} == {side}
        assert sent[0]["data"]["migration"]["id"] == migration["id"]
        assert sent[0]["data"]["count"] == 2
        assert [a["id"] for a in sent[1]["data"]["administrations"]] == [first]
        assert sent[1]["data"]["administrations"][0]["status"] == "QUEUED"
        assert sent[4]["data"]["documents"] == 3
        text = json.dumps(sent)
        assert code not in text and code.replace("-", "") not in text
        assert "transferCode" not in text
    assert TARGET_SUPERUSER not in json.dumps(await bodies(target_hook))
    ids = await WebhookDelivery.all().values_list("event_id", flat=True)
    assert len(set(ids)) == len(ids) == 10


async def test_an_endpoint_hears_only_the_events_it_asked_for_and_only_while_enabled(
    scenario: Scenario, clock
):
    offered_only = await endpoint(scenario.source.pk, clock, ["migration.withdrawn"])
    disabled = await endpoint(scenario.source.pk, clock, enabled=False)
    target = await endpoint(scenario.target.pk, clock, ["migration.offered"])
    await scenario.offer()
    assert [b["type"] for b in await bodies(offered_only)] == []
    assert await bodies(disabled) == []
    assert [b["type"] for b in await bodies(target)] == ["migration.offered"]


async def test_a_step_that_rolls_back_leaves_no_event(scenario: Scenario, settings, clock):
    hook = await endpoint(scenario.source.pk, clock, ["migration.withdrawn"])
    migration = await scenario.offer()
    offer = await Migration.get(pk=pk_of(migration["id"]))
    items = await MigrationAdministration.filter(migration_id=offer.pk)
    with pytest.raises(RuntimeError):
        async with in_transaction():
            assert await withdraw(Change(settings, clock.now(), scenario.superuser), offer, items)
            assert len(await bodies(hook)) == 1
            raise RuntimeError("the step fails after queuing")
    assert await bodies(hook) == []
    async with in_transaction():
        await withdraw(Change(settings, clock.now(), scenario.superuser), offer, items)
    [withdrawn] = await bodies(hook)
    assert withdrawn["type"] == "migration.withdrawn"
    assert [a["status"] for a in withdrawn["data"]["administrations"]] == ["WITHDRAWN"] * 2


async def test_giving_up_a_failed_move_is_heard_as_a_rejection(scenario: Scenario, settings, clock):
    source_hook = await endpoint(scenario.source.pk, clock, ["migration.rejected"])
    target_hook = await endpoint(scenario.target.pk, clock, ["migration.rejected"])
    migration = await scenario.offer()
    first, _ = scenario.items(migration)
    assert (await scenario.claim(migration["transferCode"], [first]))["userErrors"] == []
    await MigrationAdministration.filter(pk=pk_of(first)).update(
        status=MigrationStatus.FAILED, reason="The target refused the books."
    )
    offer = await Migration.get(pk=pk_of(migration["id"]))
    item = await MigrationAdministration.get(pk=pk_of(first))
    async with in_transaction():
        assert await give_up(Change(settings, clock.now(), scenario.target_superuser), offer, item)
    for hook, side in ((source_hook, "source"), (target_hook, "target")):
        [rejected] = await bodies(hook)
        assert (rejected["type"], rejected["data"]["side"]) == ("migration.rejected", side)
        assert [a["id"] for a in rejected["data"]["administrations"]] == [first]
        assert [a["status"] for a in rejected["data"]["administrations"]] == ["REJECTED"]
