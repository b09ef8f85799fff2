"""A whole-practice takeover on PostgreSQL: 500 administrations offered, previewed page by page,
received in one request and moved by Movers, nothing lost, while another office's single move
queued after the takeover started is taken before the takeover's backlog is done.

Each administration holds 3 documents: what a takeover adds over a single move is the number of
administrations (offer, preview, claim, queue); the documents per move are proven at scale by
test_move_scale.py and timed by benchmarks/takeover.py, so 3 keeps the suite fast.
"""

from __future__ import annotations

from collections import Counter

import pytest

from models import Administration, Document, MigrationAdministration, lifecycle
from models.enums import AccountingPackage, MailLanguage, MigrationStatus
from models.lifecycle import Change, Reception
from models.offering import write_offer
from models.terms import VERSION
from tests.scenarios import Scenario
from worker.mover import Mover

ADMINISTRATIONS = 500
DOCUMENTS = 3
WORKERS = 3  # one more than an office's share (OVERDRACHT_MOVES_PER_OFFICE, 2 by default)

PREVIEW_PAGE = """
query($code: String!, $after: String) {
  transferCodePreview(transferCode: $code) {
    preview { administrations(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { canReceive documentCount administration { id } }
    } }
    userErrors { code }
  }
}"""


@pytest.fixture
def settings(settings):
    """A takeover's installation: offers of up to 1,000 administrations."""
    return settings.with_overrides(max_administrations_per_offer=1000)


async def _documents_per_administration(ids: list[int]) -> Counter[int]:
    rows = await Document.filter(administration_id__in=ids).values_list(
        "administration_id", flat=True
    )
    return Counter(rows)


async def _single_move(factory, settings, clock) -> int:
    """Another office B receiving one administration from another source: its move, QUEUED."""
    source = await factory.environment(name="Elders")
    exact = await factory.connection(source, AccountingPackage.EXACT_ONLINE)
    administration = await factory.administration(exact, documents=1)
    administration = await Administration.get(pk=administration.pk).select_related("connection")
    b = await factory.environment(name="B")
    receiver = await factory.user(b)
    connection = await factory.connection(b, AccountingPackage.EXACT_ONLINE)
    migration, [item] = await write_offer(
        await factory.user(source),
        [administration],
        [receiver.email],
        target=b,
        language=MailLanguage.NL,
        terms_version=VERSION,
        now=clock.now(),
        validity=settings.offer_validity,
    )
    change = Change(settings, clock.now(), actor=receiver, actor_environment_id=b.pk)
    assert (
        await lifecycle.claim_all(change, migration, [Reception(item, connection, "B1", VERSION)])
        is None
    )
    return item.pk


@pytest.mark.postgres
async def test_a_takeover_of_500_moves_whole_and_leaves_room_for_another_office(
    scenario: Scenario, settings, clock, files
):
    practice = await scenario.factory.connection(scenario.source, AccountingPackage.EXACT_ONLINE)
    administrations = []
    for i in range(ADMINISTRATIONS):
        administration = await scenario.factory.administration(practice, name=f"Praktijk {i:04d}")
        await scenario.factory.archive(administration, DOCUMENTS)
        administrations.append(administration)
    ids = [a.pk for a in administrations]
    before = await _documents_per_administration(ids)
    assert set(before.values()) == {DOCUMENTS} and len(before) == ADMINISTRATIONS

    migration = await scenario.offer(administrations=administrations)
    code = migration["transferCode"]
    items, after = [], None
    while True:
        body = await scenario.graphql(
            PREVIEW_PAGE, {"code": code, "after": after}, scenario.target_token
        )
        page = body["data"]["transferCodePreview"]["preview"]["administrations"]
        assert page["totalCount"] == ADMINISTRATIONS
        assert all(n["canReceive"] and n["documentCount"] == DOCUMENTS for n in page["nodes"])
        items += [n["administration"]["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(set(items)) == ADMINISTRATIONS
    target_exact = await scenario.factory.connection(
        scenario.target, AccountingPackage.EXACT_ONLINE
    )
    claimed = await scenario.claim(code, items, connection=target_exact)
    assert claimed["userErrors"] == []
    assert claimed["migration"]["statusCounts"]["queued"] == ADMINISTRATIONS

    movers = [Mover(settings, clock, files) for _ in range(WORKERS)]

    async def round_() -> list[int]:
        """Each worker takes a move (one after the other, as the take lock has it), then all
        carry theirs out at once."""
        held = [(mover, job) for mover in movers for job in await mover.take()]
        for mover, job in held:
            assert await mover.work(job) == MigrationStatus.COMPLETED
        return [job.item_id for _, job in held]

    taken = await round_()  # the takeover has started: its office's share, the third waits
    assert len(taken) == settings.moves_per_office
    other = await _single_move(scenario.factory, settings, clock)
    backlog_when_taken = None
    while taken := await round_():
        if other in taken:
            backlog_when_taken = await MigrationAdministration.filter(
                target_environment_id=scenario.target.pk, status=MigrationStatus.QUEUED
            ).count()

    assert backlog_when_taken is not None and backlog_when_taken > 0  # not last in line
    statuses = Counter(
        await MigrationAdministration.filter(target_environment_id=scenario.target.pk).values_list(
            "status", flat=True
        )
    )
    assert statuses == {MigrationStatus.COMPLETED: ADMINISTRATIONS}
    assert (await MigrationAdministration.get(pk=other)).status == MigrationStatus.COMPLETED
    moved = await Administration.filter(pk__in=ids).values_list("environment_id", flat=True)
    assert set(moved) == {scenario.target.pk}
    assert await _documents_per_administration(ids) == before
