"""Receiving: the preview by code, guessing protection, claim, reject and their refusals."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from models import AuditEvent, BillableLine, CodeAttempt, MigrationItem, OutboxMail
from models.enums import AccountingPackage, MigrationStatus, Plan, Role
from models.receiving import MAX_FAILED_PER_ENVIRONMENT, MAX_FAILED_PER_USER
from tests.documents import CLAIM, PREVIEW, REJECT, WITHDRAW
from tests.scenarios import Scenario, codes, gid

WRONG_CODE = "2222-3333-4444-5555-6666"


async def test_preview_shows_what_is_offered_with_the_code_typed_loosely(scenario: Scenario):
    migration = await scenario.offer()
    loose = migration["transferCode"].lower().replace("-", " ")
    body = await scenario.preview(loose)
    preview = body["data"]["transferCodePreview"]
    assert preview["sourceOffice"] == {
        "officeCode": scenario.source.office_code,
        "name": "Van Dijk",
    }
    assert preview["package"] == "EXACT_ONLINE"
    assert preview["targetIsPremium"] is True
    rows = preview["administrations"]["nodes"]
    assert [r["administration"]["administrationName"] for r in rows] == [
        "Bakkerij De Korst",
        "Fietsen Jansen",
    ]
    assert [r["documentCount"] for r in rows] == [3, 2]
    assert all(r["canReceive"] for r in rows)
    assert rows[0]["administration"]["transferCode"] is None
    assert preview["connections"]["nodes"] == [{"name": "Exact Bosman"}]


async def test_preview_says_what_blocks_receiving(scenario: Scenario, factory):
    await factory.administration(
        scenario.target_exact, code=scenario.ready[0].code, name="Bakkerij De Korst"
    )
    migration = await scenario.offer()
    rows = (await scenario.preview(migration["transferCode"]))["data"]["transferCodePreview"][
        "administrations"
    ]["nodes"]
    assert [(r["duplicateInTarget"], r["canReceive"]) for r in rows] == [
        (True, False),
        (False, True),
    ]


@pytest.mark.parametrize("case", ["unknown", "not addressed"])
async def test_codes_that_match_no_offer_of_yours_look_alike(
    scenario: Scenario, clock, factory, case
):
    migration = await scenario.offer()
    code = migration["transferCode"]
    if case == "unknown":
        code = WRONG_CODE
    else:
        stranger_env = await factory.environment(plan=Plan.PREMIUM)
        scenario.target_token = await factory.token(await factory.user(stranger_env))
    body = await scenario.preview(code)
    assert body["errors"][0]["extensions"]["code"] == "TRANSFER_CODE_INVALID"
    assert await CodeAttempt.all().count() == 1
    assert await AuditEvent.filter(action="CODE_ATTEMPT_FAILED").count() == 1


async def test_failed_attempts_are_limited_per_user(scenario: Scenario, clock):
    migration = await scenario.offer()
    for _ in range(MAX_FAILED_PER_USER):
        body = await scenario.preview(WRONG_CODE)
        assert body["errors"][0]["extensions"]["code"] == "TRANSFER_CODE_INVALID"
    body = await scenario.preview(migration["transferCode"])
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_ATTEMPTS"
    clock.advance(timedelta(minutes=16))
    body = await scenario.preview(migration["transferCode"])
    assert body["data"]["transferCodePreview"]["package"] == "EXACT_ONLINE"


async def test_aliases_in_one_request_count_as_separate_attempts(scenario: Scenario):
    await scenario.offer()
    fields = " ".join(
        f'a{i}: transferCodePreview(transferCode: "{WRONG_CODE}") {{ package }}' for i in range(8)
    )
    body = await scenario.graphql("{ " + fields + " }", None, scenario.target_token)
    found = sorted(e["extensions"]["code"] for e in body["errors"])
    assert found == ["TOO_MANY_ATTEMPTS"] * 3 + ["TRANSFER_CODE_INVALID"] * MAX_FAILED_PER_USER
    assert await CodeAttempt.all().count() == MAX_FAILED_PER_USER


async def test_failed_attempts_are_limited_per_environment(scenario: Scenario, factory):
    migration = await scenario.offer()
    for _ in range(MAX_FAILED_PER_ENVIRONMENT // MAX_FAILED_PER_USER):
        scenario.target_token = await factory.token(await factory.user(scenario.target))
        for _ in range(MAX_FAILED_PER_USER):
            await scenario.preview(WRONG_CODE)
    fresh = await factory.user(scenario.target)
    fresh.email = "second@bosman.example"
    await fresh.save()
    scenario.target_token = await factory.token(fresh)
    body = await scenario.preview(migration["transferCode"])
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_ATTEMPTS"


async def test_simultaneous_guesses_of_one_environment_stop_at_its_limit(
    scenario: Scenario, factory
):
    """Each request has its own connection, so the limit must hold beyond one process."""
    await scenario.offer()
    tokens = [await factory.token(await factory.user(scenario.target)) for _ in range(6)]
    guesses = [
        scenario.graphql(
            f'{{ transferCodePreview(transferCode: "{WRONG_CODE}") {{ package }} }}', None, token
        )
        for token in tokens
        for _ in range(MAX_FAILED_PER_USER)
    ]
    bodies = await asyncio.gather(*guesses)
    found = sorted(body["errors"][0]["extensions"]["code"] for body in bodies)
    refused = len(guesses) - MAX_FAILED_PER_ENVIRONMENT
    assert (
        found
        == ["TOO_MANY_ATTEMPTS"] * refused + ["TRANSFER_CODE_INVALID"] * MAX_FAILED_PER_ENVIRONMENT
    )
    assert await CodeAttempt.all().count() == MAX_FAILED_PER_ENVIRONMENT


async def test_claim_queues_the_chosen_administrations_and_bills_the_receiver(scenario: Scenario):
    migration = await scenario.offer()
    first_item = migration["administrations"]["nodes"][0]["id"]
    payload = await scenario.claim(migration["transferCode"], [first_item])
    assert payload["userErrors"] == []
    counts = payload["migration"]["statusCounts"]
    assert (counts["queued"], counts["offered"]) == (1, 1)
    assert await BillableLine.all().count() == 0  # charged when the move completes
    actions = await AuditEvent.filter(action="RECEIVED").count()
    assert actions == 1
    view = await scenario.graphql(
        "query($id: ID!) { migration(id: $id) { id transferCode } }",
        {"id": migration["id"]},
        scenario.target_token,
    )
    assert view["data"]["migration"] == {"id": migration["id"], "transferCode": None}


async def test_claim_with_a_new_administration_code(scenario: Scenario):
    migration = await scenario.offer()
    item = migration["administrations"]["nodes"][0]["id"]
    payload = await scenario.claim(migration["transferCode"], [item], administration_code="B-77")
    assert payload["userErrors"] == []
    assert (await MigrationItem.get(status="QUEUED")).target_code == "B-77"


async def test_non_superuser_cannot_claim(scenario: Scenario, factory):
    migration = await scenario.offer()
    scenario.target_token = await factory.token(await factory.user(scenario.target, role=Role.USER))
    payload = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert codes(payload) == ["FORBIDDEN"]


@pytest.mark.parametrize("plan", [Plan.TRIAL, Plan.STANDARD])
async def test_only_a_premium_environment_can_receive(scenario: Scenario, plan):
    migration = await scenario.offer()
    scenario.target.plan = plan
    await scenario.target.save()
    payload = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert codes(payload) == ["NOT_PREMIUM"]
    assert await MigrationItem.filter(status="QUEUED").count() == 0


async def test_connection_of_another_package_is_refused(scenario: Scenario, factory):
    migration = await scenario.offer()
    twinfield = await factory.connection(scenario.target, AccountingPackage.TWINFIELD)
    payload = await scenario.claim(
        migration["transferCode"], scenario.items(migration)[:1], connection=twinfield
    )
    assert codes(payload) == ["WRONG_PACKAGE"]
    assert payload["userErrors"][0]["field"] == ["input", "administrations", "0", "connectionId"]


async def test_without_a_connection_of_the_package_the_claim_says_so(scenario: Scenario, factory):
    migration = await scenario.offer()
    twinfield = await factory.connection(scenario.target, AccountingPackage.TWINFIELD)
    await scenario.target_exact.delete()
    payload = await scenario.claim(
        migration["transferCode"], scenario.items(migration)[:1], connection=twinfield
    )
    assert codes(payload) == ["NO_CONNECTION_OF_PACKAGE"]


async def test_connection_of_another_environment_is_not_found(scenario: Scenario):
    migration = await scenario.offer()
    payload = await scenario.claim(
        migration["transferCode"], scenario.items(migration)[:1], connection=scenario.exact
    )
    assert codes(payload) == ["NOT_FOUND"]


async def test_without_a_connection_of_the_package_nothing_can_be_received(scenario: Scenario):
    migration = await scenario.offer()
    await scenario.target_exact.delete()
    rows = (await scenario.preview(migration["transferCode"]))["data"]["transferCodePreview"]
    assert rows["connections"]["nodes"] == []
    assert not any(r["hasConnectionOfPackage"] for r in rows["administrations"]["nodes"])


async def test_duplicate_code_and_name_in_the_target_is_refused(scenario: Scenario, factory):
    await factory.administration(
        scenario.target_exact, code=scenario.ready[0].code, name="Bakkerij De Korst"
    )
    migration = await scenario.offer()
    payload = await scenario.claim(migration["transferCode"], scenario.items(migration)[:1])
    assert codes(payload) == ["DUPLICATE_IN_TARGET"]


async def test_expired_offer_cannot_be_claimed(scenario: Scenario, clock):
    migration = await scenario.offer()
    clock.advance(timedelta(days=15))
    payload = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert codes(payload) == ["EXPIRED"]


async def test_withdrawn_administration_cannot_be_claimed(scenario: Scenario):
    migration = await scenario.offer()
    items = scenario.items(migration)
    await scenario.graphql(
        WITHDRAW,
        {"input": {"migrationId": migration["id"], "migrationAdministrationId": items[0]}},
        scenario.token,
    )
    payload = await scenario.claim(migration["transferCode"], items[:1])
    assert codes(payload) == ["WITHDRAWN"]


async def test_rejected_administration_cannot_be_claimed(scenario: Scenario):
    migration = await scenario.offer()
    items = scenario.items(migration)
    await scenario.reject(migration["transferCode"], items[:1])
    payload = await scenario.claim(migration["transferCode"], items[:1])
    assert codes(payload) == ["REJECTED"]


async def test_already_received_administration_cannot_be_claimed_again(scenario: Scenario):
    migration = await scenario.offer()
    items = scenario.items(migration)
    assert (await scenario.claim(migration["transferCode"], items[:1]))["userErrors"] == []
    payload = await scenario.claim(migration["transferCode"], items[:1])
    assert codes(payload) == ["ALREADY_RECEIVED"]


async def test_source_cannot_claim_its_own_offer(scenario: Scenario):
    migration = await scenario.offer()
    scenario.target_token = scenario.token
    payload = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert codes(payload) == ["OWN_OFFER"]


async def test_terms_and_costs_must_be_accepted(scenario: Scenario):
    migration = await scenario.offer()
    payload = await scenario.claim(
        migration["transferCode"], scenario.items(migration), accept_terms=False, accept_costs=False
    )
    assert codes(payload) == ["TERMS_NOT_ACCEPTED", "COSTS_NOT_ACCEPTED"]


async def test_reject_tells_the_requester_and_frees_the_administration(scenario: Scenario):
    migration = await scenario.offer()
    items = scenario.items(migration)
    payload = await scenario.reject(migration["transferCode"], items[:1], reason="Geen klant meer")
    assert payload["userErrors"] == []
    item = await MigrationItem.get(status="REJECTED")
    assert item.reason == "Geen klant meer"
    mail = await OutboxMail.get(kind="REJECTION")
    assert mail.to == [scenario.superuser.email]
    assert "Geen klant meer" in mail.text_body
    again = await scenario.offer(administrations=[scenario.ready[0]])
    assert again["id"] != migration["id"]


async def test_receivable_overview_for_the_target(scenario: Scenario, clock, factory):
    migration = await scenario.offer()
    items = scenario.items(migration)
    await scenario.claim(migration["transferCode"], items[:1])
    await scenario.reject(migration["transferCode"], items[1:])
    query = """query($s: String, $st: MigrationStatus) {
      receivableAdministrations(search: $s, status: $st) {
        totalCount nodes { administrationName package status sourceOffice { name } offeredAt }
      }
    }"""
    body = await scenario.graphql(query, {}, scenario.target_token)
    rows = body["data"]["receivableAdministrations"]
    assert rows["totalCount"] == 2
    assert {(r["administrationName"], r["status"]) for r in rows["nodes"]} == {
        ("Bakkerij De Korst", "QUEUED"),
        ("Fietsen Jansen", "REJECTED"),
    }
    for search, expected in (("van dijk", 2), ("exact", 2), ("fietsen", 1), ("nothing", 0)):
        body = await scenario.graphql(query, {"s": search}, scenario.target_token)
        assert body["data"]["receivableAdministrations"]["totalCount"] == expected, search
    body = await scenario.graphql(query, {"st": "REJECTED"}, scenario.target_token)
    assert body["data"]["receivableAdministrations"]["totalCount"] == 1
    stranger = await factory.token(await factory.user(await factory.environment()))
    body = await scenario.graphql(query, {}, stranger)
    assert body["data"]["receivableAdministrations"]["totalCount"] == 0


async def test_offered_administrations_appear_in_the_receivable_overview_at_once(
    scenario: Scenario,
):
    await scenario.offer()
    body = await scenario.graphql(
        "{ receivableAdministrations { totalCount nodes { status } } }", {}, scenario.target_token
    )
    assert body["data"]["receivableAdministrations"]["totalCount"] == 2
    assert {n["status"] for n in body["data"]["receivableAdministrations"]["nodes"]} == {"OFFERED"}


async def test_claim_and_preview_are_for_superusers_only(scenario: Scenario, factory):
    migration = await scenario.offer()
    scenario.target_token = await factory.token(await factory.user(scenario.target, role=Role.USER))
    body = await scenario.preview(migration["transferCode"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await CodeAttempt.all().count() == 0


async def test_statuses_after_claim(scenario: Scenario):
    migration = await scenario.offer()
    await scenario.claim(migration["transferCode"], scenario.items(migration))
    statuses = set(await MigrationItem.all().values_list("status", flat=True))
    assert statuses == {MigrationStatus.QUEUED}
    assert PREVIEW and CLAIM and REJECT


async def test_an_id_of_the_wrong_kind_is_not_found_and_says_which_kind_was_expected(scenario):
    migration = await scenario.offer()
    administration_id = gid("Administration", scenario.ready[0])
    payload = await scenario.claim(migration["transferCode"], [administration_id])
    [error] = payload["userErrors"]
    assert error["code"] == "NOT_FOUND"
    assert error["field"] == ["input", "administrations", "0", "migrationAdministrationId"]
    assert (
        "Expected the ID of a MigrationAdministration, got the ID of an Administration"
        in (error["message"])
    )
