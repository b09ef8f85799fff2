"""Moves are fair between receiving offices: one office's takeover never keeps another office's
move from starting, because each office runs at most its share of moves at once
(OVERDRACHT_MOVES_PER_OFFICE). Bound by outcomes: which moves are taken, never how fast."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from models import Administration, Environment, MigrationAdministration, lifecycle
from models.enums import AccountingPackage, MailLanguage, MigrationStatus
from models.lifecycle import Change, Reception
from models.offering import write_offer
from models.terms import VERSION
from overdracht.scratch_database import connected
from worker.mover import TAKE_LOCK, Mover


async def _queue(factory, settings, clock, source_connection, target: Environment, n: int):
    """`n` administrations offered to and received by `target`: its moves, QUEUED in order."""
    requester = await factory.user(await Environment.get(pk=source_connection.environment_id))
    receiver = await factory.user(target)
    connection = await factory.connection(target, AccountingPackage.EXACT_ONLINE)
    created = [await factory.administration(source_connection) for _ in range(n)]
    administrations = await Administration.filter(pk__in=[a.pk for a in created]).select_related(
        "connection"
    )
    now = clock.now()
    migration, items = await write_offer(
        requester,
        sorted(administrations, key=lambda a: a.pk),
        [receiver.email],
        target=target,
        language=MailLanguage.NL,
        terms_version=VERSION,
        now=now,
        validity=settings.offer_validity,
    )
    change = Change(settings, now, actor=receiver, actor_environment_id=target.pk)
    for item in items:
        reception = Reception(item, connection, f"T{item.pk}", VERSION)
        assert await lifecycle.claim(change, migration, reception)
    return [item.pk for item in items]


async def _offices(factory, settings, clock, backlog: int):
    """Office A with a takeover of `backlog` moves queued first, office B with one move after."""
    source = await factory.environment()
    exact = await factory.connection(source, AccountingPackage.EXACT_ONLINE)
    a, b = await factory.environment(name="A"), await factory.environment(name="B")
    a_moves = await _queue(factory, settings, clock, exact, a, backlog)
    b_moves = await _queue(factory, settings, clock, exact, b, 1)
    return a, b, a_moves, b_moves


async def _running_per_office() -> Counter[int]:
    rows = await MigrationAdministration.filter(status=MigrationStatus.RUNNING).values_list(
        "target_environment_id", flat=True
    )
    return Counter(rows)


async def test_a_takeover_queued_first_does_not_keep_another_office_s_move_waiting(
    factory, settings, clock, files
):
    fair = settings.with_overrides(moves_per_office=2)
    a, b, a_moves, b_moves = await _offices(factory, fair, clock, backlog=20)
    mover = Mover(fair, clock, files)

    taken = [held.item_id for _ in range(3) for held in await mover.take()]

    assert taken == [a_moves[0], a_moves[1], b_moves[0]]
    assert await _running_per_office() == {a.pk: 2, b.pk: 1}
    assert (
        await MigrationAdministration.filter(id__in=a_moves, status=MigrationStatus.QUEUED).count()
        == 18
    )
    assert await mover.take() == []  # A is at its share and B has nothing more queued


async def test_without_other_offices_a_takeover_uses_its_share_and_no_more(
    factory, settings, clock, files
):
    a, _, a_moves, b_moves = await _offices(factory, settings, clock, backlog=5)
    await MigrationAdministration.filter(id__in=b_moves).delete()
    mover = Mover(settings.with_overrides(moves_per_office=3), clock, files)
    taken = [held.item_id for _ in range(5) for held in await mover.take()]
    assert taken == a_moves[:3]
    assert await _running_per_office() == {a.pk: 3}


async def test_a_move_whose_worker_died_is_taken_again_within_the_share(
    factory, settings, clock, files
):
    fair = settings.with_overrides(moves_per_office=1)
    a, b, a_moves, b_moves = await _offices(factory, fair, clock, backlog=3)
    mover = Mover(fair, clock, files)
    [first] = await mover.take()
    [second] = await mover.take()
    assert (first.item_id, second.item_id) == (a_moves[0], b_moves[0])
    assert await mover.take() == []
    clock.advance(fair.move_lease)  # both workers died: their leases ran out
    again = [held.item_id for _ in range(3) for held in await mover.take()]
    assert again == [a_moves[0], b_moves[0]]  # the same moves, not A's next one
    assert await _running_per_office() == {a.pk: 1, b.pk: 1}


@pytest.mark.postgres
async def test_workers_taking_at_once_never_start_more_than_an_office_s_share(
    factory, settings, clock, files
):
    fair = settings.with_overrides(moves_per_office=2)
    a, b, _, _ = await _offices(factory, fair, clock, backlog=20)
    await _queue(factory, fair, clock, await factory.connection(await factory.environment()), b, 10)
    movers = [Mover(fair, clock, files) for _ in range(8)]
    taken = []
    for _ in range(3):
        rounds = await asyncio.gather(*(mover.take() for mover in movers))
        taken.append(sum(len(held) for held in rounds))
        running = await _running_per_office()
        assert all(count <= 2 for count in running.values()), running
    assert taken == [4, 0, 0]  # two per office at once, then every office is at its share
    assert await _running_per_office() == {a.pk: 2, b.pk: 2}


@pytest.mark.postgres
async def test_a_take_that_waited_for_another_leases_from_when_it_got_its_turn(
    factory, settings, clock, files
):
    """The moment of a take is read once it holds the lock: a wait never shortens the lease."""
    fair = settings.with_overrides(moves_per_office=1)
    _, _, a_moves, _ = await _offices(factory, fair, clock, backlog=1)
    mover = Mover(fair, clock, files)
    async with connected(settings.database_url) as other:
        async with other.transaction():
            await other.execute("SELECT pg_advisory_xact_lock($1)", TAKE_LOCK)
            taking = asyncio.create_task(mover.take())
            while not await other.fetchval(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                # This test's database: another worker of the suite takes locks of its own.
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ):
                assert not taking.done(), taking.result()
                await asyncio.sleep(0.01)
            clock.advance(fair.move_lease)  # the other take held the lock that long
        [held] = await taking
    assert held.item_id == a_moves[0]
    item = await MigrationAdministration.get(pk=held.item_id)
    assert item.started_at == clock.now()
    assert item.lease_until == clock.now() + fair.move_lease
