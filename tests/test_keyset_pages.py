"""Keyset cursors: a row added to a live list never shifts the pages after a cursor.

Each list is read whole, then its first page of two; a row is added that sorts before the
cursor (a newer offer, a name earlier in the alphabet...); the second page must hold exactly
the third and fourth rows of before, and the first page, asked again, the new row.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest

from api.ids import encode_global_id
from models.enums import AccountingPackage, MigrationStatus
from models.guessing import record_recipient_checks
from tests.scenarios import Scenario
from worker.mover import Mover

Insert = Callable[[], Awaitable[Any]]


async def page(
    scenario: Scenario,
    query: str,
    path: list[str],
    token: str,
    *,
    first: int,
    after: str | None = None,
    variables: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One page of the connection at `path`, with the ids of its nodes."""
    body = await scenario.graphql(
        query, {**(variables or {}), "first": first, "after": after}, token
    )
    assert "errors" not in body, body
    connection = body["data"]
    for name in path:
        connection = connection[name]
    return {
        "ids": [node["id"] for node in connection["nodes"]],
        "end": connection["pageInfo"]["endCursor"],
        "next": connection["pageInfo"]["hasNextPage"],
        "total": connection["totalCount"],
    }


async def assert_pages_hold_still(
    scenario: Scenario,
    query: str,
    path: list[str],
    token: str,
    insert: Insert,
    *,
    variables: dict[str, Any] | None = None,
    inserted_first: bool = True,
) -> None:
    """Page 2 after a row was added holds the rows it held before; the new row is on page 1."""

    async def read(first: int, after: str | None = None) -> dict[str, Any]:
        return await page(
            scenario, query, path, token, first=first, after=after, variables=variables
        )

    whole = await read(100)
    assert len(whole["ids"]) >= 4, whole
    first = await read(2)
    assert first["ids"] == whole["ids"][:2] and first["next"]
    await insert()
    second = await read(2, first["end"])
    assert second["ids"] == whole["ids"][2:4], (whole, second)
    assert second["total"] == whole["total"] + 1
    again = await read(100)
    [new] = set(again["ids"]) - set(whole["ids"])
    if inserted_first:
        assert again["ids"][0] == new, again  # an offset would have shifted page 2
    rest = await read(100, second["end"])
    assert rest["ids"] == again["ids"][again["ids"].index(second["ids"][-1]) + 1 :]


OVERVIEW = """
query($first: Int, $after: String, $order: OverviewOrder) {
  %s(first: $first, after: $after, orderBy: $order) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id administrationName }
  }
}"""


@pytest.mark.parametrize("overview", ["offeredAdministrations", "receivableAdministrations"])
@pytest.mark.parametrize("field", ["OFFERED_AT", "ADMINISTRATION_NAME", "EXPIRES_AT"])
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_the_overviews_hold_still_in_every_order(
    scenario: Scenario, factory, clock, overview, field, direction
):
    names = ["bakkerij Aalders", "Bakkerij Bos", "de Vries", "De Wit", "Eekhout"]
    for name in names:
        clock.advance(timedelta(hours=1))
        administration = await factory.administration(scenario.exact, name=name)
        await scenario.offer(administrations=[administration])
    start = clock.now()
    # A row that sorts first in this order: an earlier or later offer, or an outer name.
    if field == "ADMINISTRATION_NAME":
        name = "aaa Nieuw" if direction == "ASC" else "zzz Nieuw"
    else:
        name = "Nieuw BV"
        clock.set(start - timedelta(days=1) if direction == "ASC" else start + timedelta(hours=1))

    async def insert() -> None:
        administration = await factory.administration(scenario.exact, name=name)
        await scenario.offer(administrations=[administration])

    token = scenario.token if overview == "offeredAdministrations" else scenario.target_token
    order = {"field": field, "direction": direction}
    await assert_pages_hold_still(
        scenario, OVERVIEW % overview, [overview], token, insert, variables={"order": order}
    )


async def test_names_sort_without_regard_to_case(scenario: Scenario, factory):
    for name in ["de Vries", "Bakkerij", "De Wit", "aalders"]:
        await scenario.offer(
            administrations=[await factory.administration(scenario.exact, name=name)]
        )
    order = {"field": "ADMINISTRATION_NAME", "direction": "ASC"}
    body = await scenario.graphql(
        OVERVIEW % "offeredAdministrations", {"first": 100, "order": order}, scenario.token
    )
    shown = [n["administrationName"] for n in body["data"]["offeredAdministrations"]["nodes"]]
    assert shown == ["aalders", "Bakkerij", "de Vries", "De Wit"]


async def test_documents_hold_still(scenario: Scenario, factory, clock):
    administration = scenario.ready[0]
    for _ in range(3):
        clock.advance(timedelta(minutes=1))
        await factory.document(administration)
    query = """query($a: ID!, $first: Int, $after: String) {
      documents(administrationId: $a, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(
        scenario,
        query,
        ["documents"],
        scenario.token,
        lambda: factory.document(administration),  # the same moment: the id decides
        variables={"a": encode_global_id("Administration", administration.pk)},
    )


async def test_api_tokens_and_administrations_hold_still(scenario: Scenario, factory, clock):
    for _ in range(4):
        await factory.token(scenario.superuser)
    tokens = """query($first: Int, $after: String) { apiTokens(first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(
        scenario, tokens, ["apiTokens"], scenario.token, lambda: factory.token(scenario.superuser)
    )
    for name in ["Klant B", "Klant C", "Klant D"]:
        await factory.administration(scenario.exact, name=name)
    administrations = """query($first: Int, $after: String) {
      administrations(first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(
        scenario,
        administrations,
        ["administrations"],
        scenario.token,
        lambda: factory.administration(scenario.exact, name="AAA Eerste"),
    )
    checklist = """query($c: ID!, $first: Int, $after: String) {
      offerChecklist(connectionId: $c, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(
        scenario,
        checklist,
        ["offerChecklist"],
        scenario.token,
        lambda: factory.administration(scenario.exact, name="AAA Allereerst"),
        variables={"c": encode_global_id("AccountingConnection", scenario.exact.pk)},
    )


async def test_failed_code_attempts_and_recipient_checks_hold_still(scenario: Scenario, clock):
    attempt = "query($c: String!) { transferCodePreview(transferCode: $c) { __typename } }"

    async def wrong_code() -> None:
        clock.advance(timedelta(minutes=1))
        await scenario.graphql(attempt, {"c": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"}, scenario.target_token)

    for _ in range(4):
        await wrong_code()
    attempts = """query($first: Int, $after: String) {
      failedCodeAttempts(first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(
        scenario, attempts, ["failedCodeAttempts"], scenario.target_token, wrong_code
    )

    addresses = iter(f"iemand{n}@elders.example" for n in range(10))

    async def look_up() -> None:
        await record_recipient_checks(scenario.superuser, [next(addresses)], clock.now())

    for _ in range(4):
        await look_up()
    checks = """query($first: Int, $after: String) {
      recipientChecks(first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(scenario, checks, ["recipientChecks"], scenario.token, look_up)


async def test_billable_lines_and_the_audit_trail_hold_still(
    scenario: Scenario, factory, settings, clock, files
):
    engine = Mover(settings, clock, files)
    connection = await factory.connection(scenario.source, AccountingPackage.EXACT_ONLINE)

    async def move_one() -> dict[str, Any]:
        administration = await factory.administration(connection)
        migration = await scenario.offer(administrations=[administration])
        claim = await scenario.claim(migration["transferCode"], scenario.items(migration))
        assert claim["userErrors"] == []
        assert await engine.run_until_idle() == [MigrationStatus.COMPLETED]
        return migration

    for _ in range(4):
        await move_one()
    lines = """query($first: Int, $after: String) {
      billableLines(first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } }"""
    await assert_pages_hold_still(
        scenario, lines, ["billableLines"], scenario.target_token, move_one
    )

    migration = await scenario.offer(
        administrations=[await factory.administration(connection) for _ in range(4)]
    )
    trail = """query($id: ID!, $first: Int, $after: String) { migration(id: $id) {
      auditTrail(first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id } } } }"""
    withdraw = """mutation($input: WithdrawMigrationInput!) {
      withdrawMigration(input: $input) { userErrors { code } } }"""

    async def withdraw_one() -> None:
        item = scenario.items(migration)[0]
        variables = {"input": {"migrationId": migration["id"], "migrationAdministrationId": item}}
        body = await scenario.graphql(withdraw, variables, scenario.token)
        assert body["data"]["withdrawMigration"]["userErrors"] == []

    # Oldest first: a new step comes last, and the pages before stay as they were.
    await assert_pages_hold_still(
        scenario,
        trail,
        ["migration", "auditTrail"],
        scenario.token,
        withdraw_one,
        variables={"id": migration["id"]},
        inserted_first=False,
    )


PREVIEW_PAGE = """query($c: String!, $first: Int, $after: String) {
  transferCodePreview(transferCode: $c) { preview {
    administrations(first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage hasPreviousPage }
      nodes { administration { id administrationName } }
    }
  } }
}"""


async def test_the_preview_pages_its_administrations_on_their_own_connection(
    scenario: Scenario, factory
):
    offered = [await factory.administration(scenario.exact, name=f"Klant {n}") for n in range(5)]
    migration = await scenario.offer(administrations=offered)

    async def preview(first: int, after: str | None = None) -> dict[str, Any]:
        variables = {"c": migration["transferCode"], "first": first, "after": after}
        body = await scenario.graphql(PREVIEW_PAGE, variables, scenario.target_token)
        assert "errors" not in body, body
        return body["data"]["transferCodePreview"]["preview"]["administrations"]

    first = await preview(2)
    assert first["totalCount"] == 5 and first["pageInfo"]["hasNextPage"]
    second = await preview(2, first["pageInfo"]["endCursor"])
    third = await preview(2, second["pageInfo"]["endCursor"])
    shown = [n["administration"]["id"] for p in (first, second, third) for n in p["nodes"]]
    assert shown == scenario.items(migration)
    assert second["pageInfo"]["hasPreviousPage"] and not third["pageInfo"]["hasNextPage"]
    on_the_root = await scenario.graphql(
        "query($c: String!) { transferCodePreview(transferCode: $c, first: 2) { __typename } }",
        {"c": migration["transferCode"]},
        scenario.target_token,
    )
    assert on_the_root["errors"][0]["message"].startswith("Unknown argument 'first'")
