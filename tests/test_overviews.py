"""Both overviews as the seed's screens use them, over HTTP: tab counts in the same request,
sorting, the Dutch words and dates a Dutch screen shows, and the link after a completed move."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

import models.statements as statements
from models.enums import TokenScope
from overdracht.db import is_postgres
from tests.documents import WITHDRAW
from tests.scenarios import Scenario
from worker.mover import Mover

ROWS = """query($search: String, $status: MigrationStatus, $order: OverviewOrder) {
  offeredAdministrations(search: $search, status: $status, orderBy: $order, first: 50) {
    totalCount
    statusCounts { offered withdrawn expired rejected queued running completed failed total }
    nodes { administrationName status offeredAt expiresAt }
  }
}"""

RECEIVED = """query($search: String) {
  receivableAdministrations(search: $search, first: 50) {
    totalCount
    statusCounts { offered queued completed total }
    nodes { administrationName status administration { code name inboundMailAddress } }
  }
}"""

# 25 November 2026, 23:30 UTC is already 26 November in Amsterdam.
LATE_EVENING = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)


async def offered(scenario: Scenario, token: str | None = None, **variables) -> dict:
    body = await scenario.graphql(ROWS, variables, token or scenario.token)
    assert "errors" not in body, body
    return body["data"]["offeredAdministrations"]


def names(page: dict) -> list[str]:
    return [row["administrationName"] for row in page["nodes"]]


@pytest.fixture
async def desk(scenario: Scenario, clock, settings, files) -> Scenario:
    """Five offers a day apart, each ending in another status: a full screen of tabs."""
    clock.set(LATE_EVENING)
    exact = scenario.exact
    made = {}
    for name in ("appel bv", "Bakker BV", "Citroen BV", "Dirk BV", "Eik BV"):
        administration = await scenario.factory.administration(exact, name=name, documents=1)
        made[name] = await scenario.offer(administrations=[administration])
        clock.advance(timedelta(days=1))
    withdrawn = made["Bakker BV"]
    body = await scenario.graphql(
        WITHDRAW, {"input": {"migrationId": withdrawn["id"]}}, scenario.token
    )
    assert body["data"]["withdrawMigration"]["userErrors"] == []
    rejected = made["Citroen BV"]
    await scenario.reject(rejected["transferCode"], scenario.items(rejected))
    claimed = made["Dirk BV"]
    assert (await scenario.claim(claimed["transferCode"], scenario.items(claimed)))[
        "userErrors"
    ] == []
    completed = made["Eik BV"]
    assert (await scenario.claim(completed["transferCode"], scenario.items(completed)))[
        "userErrors"
    ] == []
    engine = Mover(settings, clock, files)
    assert len(await engine.take()) == 1  # Dirk's move, left running
    await engine.run_until_idle()  # Eik's move completes
    return scenario


async def test_the_counts_per_status_come_with_the_page_for_the_same_search(desk: Scenario):
    page = await offered(desk, search="BV", status="OFFERED")
    assert names(page) == ["appel bv"]
    assert page["totalCount"] == 1
    assert page["statusCounts"] == {
        "offered": 1,
        "withdrawn": 1,
        "expired": 0,
        "rejected": 1,
        "queued": 0,
        "running": 1,
        "completed": 1,
        "failed": 0,
        "total": 5,
    }
    narrowed = await offered(desk, search="Bakker")
    assert narrowed["statusCounts"]["total"] == 1
    assert narrowed["statusCounts"]["withdrawn"] == 1
    assert narrowed["statusCounts"]["offered"] == 0


async def test_an_offer_past_its_expiry_counts_as_expired_before_the_worker_records_it(
    desk: Scenario, clock
):
    clock.advance(timedelta(days=30))
    counts = (await offered(desk))["statusCounts"]
    assert (counts["offered"], counts["expired"]) == (0, 1)


@pytest.mark.parametrize(
    ("field", "direction", "expected"),
    [
        (None, None, ["Eik BV", "Dirk BV", "Citroen BV", "Bakker BV", "appel bv"]),
        ("OFFERED_AT", "ASC", ["appel bv", "Bakker BV", "Citroen BV", "Dirk BV", "Eik BV"]),
        ("OFFERED_AT", "DESC", ["Eik BV", "Dirk BV", "Citroen BV", "Bakker BV", "appel bv"]),
        (
            "ADMINISTRATION_NAME",
            "ASC",
            ["appel bv", "Bakker BV", "Citroen BV", "Dirk BV", "Eik BV"],
        ),
        (
            "ADMINISTRATION_NAME",
            "DESC",
            ["Eik BV", "Dirk BV", "Citroen BV", "Bakker BV", "appel bv"],
        ),
        ("EXPIRES_AT", "ASC", ["appel bv", "Bakker BV", "Citroen BV", "Dirk BV", "Eik BV"]),
    ],
)
async def test_the_overview_sorts_by_date_name_or_expiry_either_way(
    desk: Scenario, field, direction, expected
):
    order = None if field is None else {"field": field, "direction": direction}
    assert names(await offered(desk, order=order)) == expected


async def test_sorting_pages_through_every_row_once(desk: Scenario):
    order = {"field": "ADMINISTRATION_NAME", "direction": "ASC"}
    query = """query($after: String, $order: OverviewOrder) {
      offeredAdministrations(first: 2, after: $after, orderBy: $order) {
        nodes { administrationName } pageInfo { endCursor hasNextPage } } }"""
    seen, after = [], None
    while True:
        body = await desk.graphql(query, {"after": after, "order": order}, desk.token)
        page = body["data"]["offeredAdministrations"]
        seen += [row["administrationName"] for row in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ["appel bv", "Bakker BV", "Citroen BV", "Dirk BV", "Eik BV"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("aangeboden", ["appel bv"]),
        ("ingetrokken", ["Bakker BV"]),
        ("afgewezen", ["Citroen BV"]),
        ("bezig", ["Dirk BV"]),
        ("voltooid", ["Eik BV"]),
        ("Voltooid", ["Eik BV"]),
        ("mislukt", []),
        ("verlopen", []),
        ("afgew", ["Citroen BV"]),
        ("gewezen", []),  # words are matched from their start
        ("ted", []),  # not inside REJECTED or COMPLETED
        ("ing", ["Bakker BV"]),  # the start of ingetrokken, not the inside of RUNNING
        ("runn", ["Dirk BV"]),
    ],
)
async def test_the_search_understands_the_dutch_status_words(desk: Scenario, word, expected):
    assert names(await offered(desk, search=word)) == expected


async def test_in_de_wachtrij_and_verlopen_find_queued_and_expired_rows(desk: Scenario, clock):
    # A fresh claim stays queued: no worker runs in this test.
    extra = await desk.factory.administration(desk.exact, name="Fiets BV", documents=1)
    migration = await desk.offer(administrations=[extra])
    assert (await desk.claim(migration["transferCode"], desk.items(migration)))["userErrors"] == []
    assert names(await offered(desk, search="in de wachtrij")) == ["Fiets BV"]
    assert names(await offered(desk, search="wachtrij")) == ["Fiets BV"]
    assert names(await offered(desk, search="de")) == [], "too short to name a status"
    clock.advance(timedelta(days=30))
    assert names(await offered(desk, search="verlopen")) == ["appel bv"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("26-11-2026", True),  # the Amsterdam date of an offer made at 23:30 UTC
        ("26/11/2026", True),
        ("26 november 2026", True),
        ("26 nov 2026", True),
        ("26 November 2026", True),
        ("2026-11-26", True),
        ("25-11-2026", False),  # still the 25th in UTC, but not in the office
        ("31 februari 2026", False),
    ],
)
async def test_the_search_reads_dates_typed_the_dutch_way_in_the_offices_time_zone(
    desk: Scenario, typed, found
):
    assert ("appel bv" in names(await offered(desk, search=typed))) is found


async def test_dutch_month_abbreviations_find_the_expiry_day(desk: Scenario):
    # appel bv was offered on 26 November (Amsterdam) and expires 15 days later: 11 December.
    assert "appel bv" in names(await offered(desk, search="11 dec 2026"))
    assert "appel bv" in names(await offered(desk, search="11-12-2026"))


async def test_after_the_move_the_receivers_row_links_to_the_administration_as_it_is_now(
    desk: Scenario,
):
    body = await desk.graphql(RECEIVED, {"search": "Eik"}, desk.target_token)
    assert "errors" not in body, body
    [row] = body["data"]["receivableAdministrations"]["nodes"]
    assert row["status"] == "COMPLETED"
    now = row["administration"]
    assert now is not None and now["name"] == "Eik BV"
    assert now["inboundMailAddress"].startswith(desk.target.office_code.lower())

    queued = await desk.graphql(RECEIVED, {"search": "Dirk"}, desk.target_token)
    [moving] = queued["data"]["receivableAdministrations"]["nodes"]
    assert moving["administration"] is None, "not the receiver's until the move completes"

    source = await offered(desk, search="Eik")
    [source_row] = source["nodes"]
    query = """{ offeredAdministrations(search: "Eik") { nodes { administration { code } } } }"""
    body = await desk.graphql(query, {}, desk.token)
    assert body["data"]["offeredAdministrations"]["nodes"][0]["administration"] is None
    assert source_row["status"] == "COMPLETED"
    before = await desk.graphql(
        """{ offeredAdministrations(search: "appel") { nodes { administration { name } } } }""",
        {},
        desk.token,
    )
    assert before["data"]["offeredAdministrations"]["nodes"][0]["administration"] == {
        "name": "appel bv"
    }


# -- the target office on the source's side, the chosen code on the receiver's --------------------

TARGETS = """query($search: String) {
  offeredAdministrations(search: $search, first: 50) {
    totalCount nodes { administrationName targetOffice { officeCode name } chosenCode }
  }
}"""
OFFER_TARGET = """query($id: ID!) { migration(id: $id) { targetOffice { officeCode name } } }"""
CHOSEN = """query($search: String) {
  receivableAdministrations(search: $search, first: 50) {
    totalCount nodes { administrationName chosenCode }
  }
}"""


async def test_the_source_sees_and_finds_the_office_each_offer_went_to(scenario: Scenario, factory):
    jansen = await factory.environment(name="Jansen & Co")
    jansen_superuser = await factory.user(jansen)
    [to_bosman, to_jansen] = scenario.ready
    bosman_offer = await scenario.offer(administrations=[to_bosman])
    jansen_offer = await scenario.offer(
        administrations=[to_jansen], recipients=[jansen_superuser.email]
    )
    partner = await factory.token(scenario.superuser, TokenScope.READ_ONLY)
    for token in (scenario.token, partner):
        for offer, office in ((bosman_offer, scenario.target), (jansen_offer, jansen)):
            body = await scenario.graphql(OFFER_TARGET, {"id": offer["id"]}, token)
            shown = {"officeCode": office.office_code, "name": office.name}
            assert body["data"]["migration"]["targetOffice"] == shown
        for search, found in (
            ("bosm", [to_bosman.name]),
            ("JANSEN &", [to_jansen.name]),
            (jansen.office_code.lower(), [to_jansen.name]),
        ):
            body = await scenario.graphql(TARGETS, {"search": search}, token)
            rows = body["data"]["offeredAdministrations"]["nodes"]
            assert [row["administrationName"] for row in rows] == found, search
            assert rows[0]["targetOffice"]["officeCode"] in (
                scenario.target.office_code,
                jansen.office_code,
            )
    # The receiving office is told its own office.
    body = await scenario.graphql(OFFER_TARGET, {"id": bosman_offer["id"]}, scenario.target_token)
    assert body["data"]["migration"]["targetOffice"]["name"] == "Bosman"


async def test_the_receiver_finds_what_it_received_by_the_code_it_chose(
    scenario: Scenario, factory
):
    migration = await scenario.offer()
    first, _ = scenario.items(migration)
    claimed = await scenario.claim(
        migration["transferCode"], [first], administration_code="77-KORST"
    )
    assert claimed["userErrors"] == []
    partner = await factory.token(scenario.target_superuser, TokenScope.READ_ONLY)
    for token in (scenario.target_token, partner):
        body = await scenario.graphql(CHOSEN, {"search": "77-kor"}, token)
        page = body["data"]["receivableAdministrations"]
        assert page["totalCount"] == 1
        assert page["nodes"] == [
            {"administrationName": "Bakkerij De Korst", "chosenCode": "77-KORST"}
        ]
    # The code the receiver chose is the receiver's: the source neither sees nor finds it.
    body = await scenario.graphql(TARGETS, {"search": "77-KORST"}, scenario.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 0
    body = await scenario.graphql(TARGETS, {"search": "korst"}, scenario.token)
    [row] = body["data"]["offeredAdministrations"]["nodes"]
    assert row["chosenCode"] is None


async def test_a_search_kept_by_its_shape_runs_with_each_requests_own_values(desk: Scenario):
    """The statements of a text search are rendered once; every request brings its own values.

    The same shape (a word, the same sort, no cursor) asked with another word, by another
    office, and after a cursor, must find what a freshly built query finds.
    """
    assert names(await offered(desk, search="bakker")) == ["Bakker BV"]
    assert names(await offered(desk, search="citroen")) == ["Citroen BV"]
    assert (await offered(desk, desk.target_token, search="citroen"))["totalCount"] == 0
    query = """query($after: String) {
      offeredAdministrations(search: "BV", first: 2, after: $after) {
        nodes { administrationName } pageInfo { endCursor hasNextPage } } }"""
    seen, after = [], None
    while True:
        body = await desk.graphql(query, {"after": after}, desk.token)
        page = body["data"]["offeredAdministrations"]
        seen += names(page)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ["Eik BV", "Dirk BV", "Citroen BV", "Bakker BV", "appel bv"]
    if is_postgres():
        # The token, the count and the page of each shape: never built again.
        assert statements.kept_shapes() >= 4


def test_a_placeholder_is_kept_only_as_the_one_value_it_is() -> None:
    """Two equal values, or a value nobody named, keep nothing: the query runs as built."""
    values = {"environment": statements._FIRST_PROBE, "pattern": "%bv%", "code": "%BV%"}
    assert statements._placeholders([statements._FIRST_PROBE, "%bv%"], values) == (
        "environment",
        "pattern",
    )
    assert statements._placeholders(["%bv%", 7], values) is None
    assert statements._placeholders(["%x%"], {"pattern": "%x%", "code": "%x%"}) is None
    assert statements._ambiguous(["%x%"], {"pattern": "%x%", "code": "%x%"})
    assert not statements._ambiguous(["%bv%", 7], values)
