"""A rejection racing another office's claim, and demo tokens that must not reach real offices."""

from __future__ import annotations

import asyncio

import pytest

from models import ApiToken, Environment, Migration, MigrationItem, User
from models.enums import Plan, Role
from overdracht.demo import DemoRefused, seed_demo
from tests.conftest import TARGET_SUPERUSER, Scenario, codes


@pytest.mark.postgres
async def test_a_rejection_never_wins_alongside_another_offices_claim(scenario: Scenario, factory):
    rival = await factory.environment(plan=Plan.PREMIUM, name="Rivaal")
    rival_superuser = await factory.user(rival)
    rival_token = await factory.token(rival_superuser)
    rival_exact = await factory.connection(rival)
    outcomes = set()
    for round_ in range(8):
        administrations = [
            await factory.administration(scenario.exact, name=f"Race {round_} {n}")
            for n in range(2)
        ]
        migration = await scenario.offer(
            administrations=administrations, recipients=[TARGET_SUPERUSER, rival_superuser.email]
        )
        first, second = scenario.items(migration)
        claimed, rejected = await asyncio.gather(
            scenario.claim(
                migration["transferCode"], [first], connection=rival_exact, token=rival_token
            ),
            scenario.reject(migration["transferCode"], [second], reason="race"),
        )
        won = (codes(claimed) == [], codes(rejected) == [])
        assert won != (True, True), (claimed, rejected)
        outcomes.add(won)
        offer = await Migration.get(pk=int(_pk(migration["id"])))
        targets = await MigrationItem.filter(
            migration_id=offer.pk, target_environment_id__isnull=False
        ).values_list("target_environment_id", flat=True)
        assert set(targets) <= {offer.target_environment_id}  # type: ignore[attr-defined]
    assert outcomes <= {(True, False), (False, True), (False, False)}


def _pk(global_id: str) -> str:
    from strawberry import relay

    return relay.GlobalID.from_id(global_id).node_id


async def test_seed_demo_refuses_a_database_with_other_offices(db, settings, clock, files, factory):
    await factory.environment(name="Echte Accountants")
    before = (await Environment.all().count(), await ApiToken.all().count())
    with pytest.raises(DemoRefused, match="--allow-other-offices"):
        await seed_demo(settings, clock, files)
    assert (await Environment.all().count(), await ApiToken.all().count()) == before
    await seed_demo(settings, clock, files, allow_other_offices=True)
    assert await ApiToken.all().count() == 5


async def test_seed_demo_never_gives_a_public_token_to_another_offices_user(
    db, settings, clock, files, factory
):
    office = await factory.environment(name="Echte Accountants")
    await User.create(
        environment=office,
        email="anna@vandijk.example",
        display_name="Anna elders",
        role=Role.SUPERUSER,
        created_at=clock.now(),
    )
    with pytest.raises(DemoRefused, match=r"anna@vandijk\.example"):
        await seed_demo(settings, clock, files, allow_other_offices=True)
    assert await ApiToken.all().count() == 0


async def test_seed_demo_still_runs_twice_on_its_own_database(db, settings, clock, files):
    await seed_demo(settings, clock, files)
    await seed_demo(settings, clock, files)
    assert await Environment.all().count() == 3
