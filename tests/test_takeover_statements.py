"""A whole-practice takeover costs the same number of SQL statements whatever its size.

Each step of an offer (the checklist of a connection, offering, the preview and paging through
it, receiving all in one request, a worker's take of a move) is counted at 5, 50 and 500
administrations with OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER at 1,000. The preview's pages are
counted one by one: paging through 500 in pages of at most max_page_size is more requests, each
of the same cost, so the total grows with the number of pages and never with the rows on a page.
"""

from __future__ import annotations

import pytest

from models import AccountingConnection, Administration
from models.enums import AccountingPackage
from tests.scenarios import Scenario, gid
from worker.mover import Mover

SIZES = (5, 50, 500)

CHECKLIST = """
query($c: ID!, $first: Int, $after: String) {
  offerChecklist(connectionId: $c, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes {
      administration { name } canBeOffered packageIsMigratable alreadyOffered authorizersInFlow
      activeWorkflows pendingDocuments damagedFiles
    }
  }
}"""

# Offering answers what an offer of any size answers, without its rows: the offer's totals.
OFFER = """
mutation($input: OfferMigrationInput!) {
  offerMigration(input: $input) {
    migration { id transferCode statusCounts { offered total } administrations(first: 1) {
      totalCount } }
    userErrors { code field message }
  }
}"""

PREVIEW_PAGE = """
query($code: String!, $first: Int, $after: String) {
  transferCodePreview(transferCode: $code) {
    preview {
      package connections { totalCount nodes { id name } }
      administrations(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes {
          id documentCount canReceive hasConnectionOfPackage duplicateInTarget stillOffered
          administration { id administrationName administrationCode package }
        }
      }
    }
    userErrors { code field message }
  }
}"""


@pytest.fixture
def settings(settings):
    """A takeover's installation: offers of up to 1,000 administrations."""
    return settings.with_overrides(max_administrations_per_offer=1000)


async def _practice(scenario: Scenario, size: int) -> AccountingConnection:
    """A source connection holding `size` administrations ready to offer, without documents:
    the statements of these steps do not depend on them (the benchmark counts the same with 200
    documents each)."""
    connection = await scenario.factory.connection(scenario.source, AccountingPackage.EXACT_ONLINE)
    for i in range(size):
        await scenario.factory.administration(connection, name=f"Praktijk {size} {i:04d}")
    return connection


def _counted(count_queries) -> int:
    """The statements since the last call, and start counting again."""
    n = len(count_queries.statements)
    count_queries.statements.clear()
    return n


async def _steps(scenario: Scenario, size: int, count_queries, mover: Mover) -> dict[str, int]:
    """Every step of a takeover of `size` administrations, each with the statements it cost."""
    connection = await _practice(scenario, size)
    target_connection = await scenario.factory.connection(
        scenario.target, AccountingPackage.EXACT_ONLINE
    )
    costs: dict[str, int] = {}
    token, target = scenario.token, scenario.target_token
    c = gid("AccountingConnection", connection)

    _counted(count_queries)
    body = await scenario.graphql(CHECKLIST, {"c": c, "first": 100}, token)
    costs["offerChecklist first page"] = _counted(count_queries)
    page = body["data"]["offerChecklist"]
    assert page["totalCount"] == size
    ids = []
    while True:
        ids += [n for n in page["nodes"] if n["canBeOffered"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        _counted(count_queries)
        body = await scenario.graphql(
            CHECKLIST, {"c": c, "first": 100, "after": page["pageInfo"]["endCursor"]}, token
        )
        costs["offerChecklist next page"] = _counted(count_queries)
        page = body["data"]["offerChecklist"]
    assert len(ids) == size

    administrations = await Administration.filter(connection_id=connection.pk).order_by("id")
    _counted(count_queries)
    body = await scenario.graphql(OFFER, scenario.offer_input(administrations), token)
    costs["offerMigration"] = _counted(count_queries)
    payload = body["data"]["offerMigration"]
    assert payload["userErrors"] == [], payload
    assert payload["migration"]["statusCounts"] == {"offered": size, "total": size}
    code = payload["migration"]["transferCode"]

    items: list[str] = []
    after = None
    while True:
        _counted(count_queries)
        variables = {"code": code, "first": 100, "after": after}
        body = await scenario.graphql(PREVIEW_PAGE, variables, target)
        key = "transferCodePreview first page" if after is None else "transferCodePreview next page"
        costs[key] = _counted(count_queries)
        preview = body["data"]["transferCodePreview"]
        assert preview["userErrors"] == [], preview
        page = preview["preview"]["administrations"]
        assert page["totalCount"] == size
        assert all(n["canReceive"] for n in page["nodes"])
        items += [n["administration"]["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(set(items)) == size

    _counted(count_queries)
    claimed = await scenario.claim(code, items, connection=target_connection)
    costs["claimMigration"] = _counted(count_queries)
    assert claimed["userErrors"] == [], claimed
    assert claimed["migration"]["statusCounts"]["queued"] == size

    _counted(count_queries)
    [held] = await mover.take()
    costs["worker's take"] = _counted(count_queries)
    assert held.item_id
    return costs


async def test_each_step_of_a_takeover_costs_the_same_statements_at_5_50_and_500(
    scenario: Scenario, settings, clock, files, count_queries
):
    # Each size's taken move stays RUNNING, all in one receiving office: no share stops a take.
    mover = Mover(settings.with_overrides(moves_per_office=1000), clock, files)
    costs = {size: await _steps(scenario, size, count_queries, mover) for size in SIZES}
    small = costs[SIZES[0]]
    for size in SIZES[1:]:
        same = {step: n for step, n in costs[size].items() if step in small}
        assert same == small, costs
    # Only 500 needs more than one page (of 100): a later page costs at most what the first
    # costs (the preview's first look at an offer is noted once), so paging through 500 is five
    # requests of that cost and never a statement per row.
    largest = costs[SIZES[-1]]
    assert largest["offerChecklist next page"] <= largest["offerChecklist first page"]
    assert largest["transferCodePreview next page"] <= largest["transferCodePreview first page"]
