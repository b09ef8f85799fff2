"""A rejection racing a claim, and demo tokens that must not reach real offices."""

from __future__ import annotations

import asyncio

import pytest

from commands.demo import DemoRefused, seed_demo
from models import ApiToken, Environment, Migration, MigrationAdministration, User
from models.enums import MigrationStatus, Role
from tests.scenarios import Scenario, codes, pk_of


@pytest.mark.postgres
async def test_a_rejection_and_a_claim_of_one_administration_have_one_winner(
    scenario: Scenario, factory
):
    colleague = await factory.user(scenario.target, name="Finn Bosman")
    colleague_token = await factory.token(colleague)
    for round_ in range(8):
        administration = await factory.administration(scenario.exact, name=f"Race {round_}")
        migration = await scenario.offer(administrations=[administration])
        [item] = scenario.items(migration)
        claimed, rejected = await asyncio.gather(
            scenario.claim(migration["transferCode"], [item], token=colleague_token),
            scenario.reject(migration["transferCode"], [item], reason="race"),
        )
        outcomes = sorted([codes(claimed) == [], codes(rejected) == []])
        assert outcomes == [False, True], (claimed, rejected)
        fresh = await MigrationAdministration.get(pk=pk_of(item))
        assert fresh.status in (MigrationStatus.QUEUED, MigrationStatus.REJECTED)
        offer = await Migration.get(pk=pk_of(migration["id"]))
        assert fresh.target_environment_id == offer.target_environment_id == scenario.target.pk  # type: ignore[attr-defined]


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
