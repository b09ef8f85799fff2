"""Receiving: the preview by code, guessing protection, claim, reject and their refusals."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from mail.composing import written
from mail.formatting import DEFAULT_TIME_ZONE
from models import AuditEvent, BillableLine, CodeAttempt, MigrationAdministration, OutboxMail
from models.enums import AccountingPackage, MigrationStatus, Plan, Role, TokenScope
from models.guessing import CODE_OFFICE_WINDOW, CODE_USER_WINDOW
from tests.documents import CLAIM, PREVIEW, REJECT, WITHDRAW
from tests.scenarios import Scenario, codes, gid, preview_of, refusal_of

WRONG_CODE = "2222-3333-4444-5555-6666"
WHY_NOT = "preview { package } userErrors { code retryAt }"
WRONG = f'{{ transferCodePreview(transferCode: "{WRONG_CODE}") {{ {WHY_NOT} }} }}'


async def test_preview_shows_what_is_offered_with_the_code_typed_loosely(scenario: Scenario):
    migration = await scenario.offer()
    loose = migration["transferCode"].lower().replace("-", " ")
    body = await scenario.preview(loose)
    preview = preview_of(body)
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
    rows = preview_of(await scenario.preview(migration["transferCode"]))["administrations"]["nodes"]
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
    assert refusal_of(body) == ("TRANSFER_CODE_INVALID", None)
    assert body["data"]["transferCodePreview"]["userErrors"][0]["field"] == ["transferCode"]
    assert await CodeAttempt.all().count() == 1
    assert await AuditEvent.filter(action="CODE_ATTEMPT_FAILED").count() == 1


async def test_failed_attempts_are_limited_per_user(scenario: Scenario, clock, settings):
    migration = await scenario.offer()
    first_failure = clock.now()
    for _ in range(settings.code_attempts_per_user):
        body = await scenario.preview(WRONG_CODE)
        assert refusal_of(body) == ("TRANSFER_CODE_INVALID", None)
        clock.advance(timedelta(seconds=10))
    body = await scenario.preview(migration["transferCode"])
    retry_at = first_failure + CODE_USER_WINDOW
    assert refusal_of(body) == ("TOO_MANY_ATTEMPTS", retry_at.isoformat())
    claim = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert [(e["code"], e["retryAt"]) for e in claim["userErrors"]] == [
        ("TOO_MANY_ATTEMPTS", retry_at.isoformat())
    ]
    clock.set(retry_at - timedelta(seconds=1))
    assert refusal_of(await scenario.preview(migration["transferCode"]))[0] == "TOO_MANY_ATTEMPTS"
    clock.set(retry_at)
    body = await scenario.preview(migration["transferCode"])
    assert preview_of(body)["package"] == "EXACT_ONLINE"


async def test_aliases_in_one_request_count_as_separate_attempts(scenario: Scenario, settings):
    await scenario.offer()
    fields = " ".join(
        f'a{i}: transferCodePreview(transferCode: "{WRONG_CODE}") {{ {WHY_NOT} }}' for i in range(8)
    )
    body = await scenario.graphql("{ " + fields + " }", None, scenario.target_token)
    found = sorted(refusal_of(body, f"a{i}")[0] for i in range(8))
    limit = settings.code_attempts_per_user
    assert found == ["TOO_MANY_ATTEMPTS"] * (8 - limit) + ["TRANSFER_CODE_INVALID"] * limit
    assert await CodeAttempt.all().count() == limit


async def fill_the_office_limit(scenario: Scenario, factory, settings) -> list[str]:
    """Colleagues of the recipient enter wrong codes until the office's limit is reached."""
    per_user, per_office = settings.code_attempts_per_user, settings.code_attempts_per_office
    colleagues = []
    while await CodeAttempt.filter(environment_id=scenario.target.pk).count() < per_office:
        token = await factory.token(await factory.user(scenario.target))
        colleagues.append(token)
        for _ in range(per_user):
            body = await scenario.graphql(WRONG, None, token)
            assert refusal_of(body)[0] in ("TRANSFER_CODE_INVALID", "TOO_MANY_ATTEMPTS")
    return colleagues


async def test_a_superuser_who_made_no_mistake_gets_in_after_colleagues_failed(
    scenario: Scenario, factory, settings
):
    """Four colleagues with five wrong codes each once locked the whole office out for an hour."""
    migration = await scenario.offer()
    colleagues = await fill_the_office_limit(scenario, factory, settings)
    assert len(colleagues) == settings.code_attempts_per_office // settings.code_attempts_per_user
    body = await scenario.preview(migration["transferCode"])
    assert preview_of(body)["package"] == "EXACT_ONLINE", body
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration)[:1])
    assert claimed["userErrors"] == []
    second = await factory.user(scenario.target)
    other = await scenario.offer(administrations=[await factory.administration(scenario.exact)])
    rejected = await scenario.graphql(
        REJECT,
        {
            "input": {
                "transferCode": other["transferCode"],
                "migrationAdministrationIds": scenario.items(other),
            }
        },
        await factory.token(second),
    )
    assert rejected["data"]["rejectMigration"]["userErrors"] == [], rejected


async def test_past_the_office_limit_only_users_who_failed_wait(
    scenario: Scenario, factory, settings, clock
):
    migration = await scenario.offer()
    started = clock.now()
    await fill_the_office_limit(scenario, factory, settings)
    clock.advance(timedelta(minutes=5))
    # A user without a mistake of their own may still try: a wrong code is counted...
    typo = await factory.token(await factory.user(scenario.target))
    assert refusal_of(await scenario.graphql(WRONG, None, typo))[0] == "TRANSFER_CODE_INVALID"
    # ...and then they wait until the office is below its limit or their mistake is 15 minutes
    # old, whichever comes first: here their own mistake, 15 minutes after it.
    right = {"code": migration["transferCode"]}
    refused = await scenario.graphql(PREVIEW, right, typo)
    own_mistake_gone = clock.now() + CODE_USER_WINDOW
    office_below_limit = started + CODE_OFFICE_WINDOW
    assert refusal_of(refused) == (
        "TOO_MANY_ATTEMPTS",
        min(own_mistake_gone, office_below_limit).isoformat(),
    )
    clock.set(own_mistake_gone)
    assert preview_of(await scenario.graphql(PREVIEW, right, typo))
    assert await AuditEvent.filter(action="CODE_ATTEMPT_FAILED").count() == (
        await CodeAttempt.all().count()
    )


async def test_simultaneous_guesses_of_one_environment_stop_at_its_limits(
    scenario: Scenario, factory, settings
):
    """Each request has its own connection, so the limits must hold beyond one process.

    Whatever order the guesses are taken in, no user passes their own limit, and past the
    office's limit only a user's first wrong code gets through.
    """
    await scenario.offer()
    per_user, per_office = settings.code_attempts_per_user, settings.code_attempts_per_office
    users = [await factory.user(scenario.target) for _ in range(6)]
    tokens = [await factory.token(user) for user in users]
    guesses = [scenario.graphql(WRONG, None, token) for token in tokens for _ in range(per_user)]
    bodies = await asyncio.gather(*guesses)
    found = [refusal_of(body)[0] for body in bodies]
    assert set(found) == {"TRANSFER_CODE_INVALID", "TOO_MANY_ATTEMPTS"}
    recorded = await CodeAttempt.all().count()
    assert recorded == found.count("TRANSFER_CODE_INVALID")
    assert per_office <= recorded <= per_office + len(users)
    for user in users:
        assert 1 <= await CodeAttempt.filter(user_id=user.pk).count() <= per_user


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
    assert (await MigrationAdministration.get(status="QUEUED")).target_code == "B-77"


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
    assert await MigrationAdministration.filter(status="QUEUED").count() == 0


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
    rows = preview_of(await scenario.preview(migration["transferCode"]))
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
    item = await MigrationAdministration.get(status="REJECTED")
    assert item.reason == "Geen klant meer"
    mail = await OutboxMail.get(kind="REJECTION")
    assert mail.to == [scenario.superuser.email]
    assert "Geen klant meer" in written(mail, DEFAULT_TIME_ZONE).text
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
    assert refusal_of(body) == ("FORBIDDEN", None)
    assert await CodeAttempt.all().count() == 0


async def test_statuses_after_claim(scenario: Scenario):
    migration = await scenario.offer()
    await scenario.claim(migration["transferCode"], scenario.items(migration))
    statuses = set(await MigrationAdministration.all().values_list("status", flat=True))
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


async def test_every_refusal_of_the_preview_is_typed_for_the_screen(scenario: Scenario, factory):
    """A screen branches on userErrors: the code's preview answers no top-level error."""
    migration = await scenario.offer()
    code = migration["transferCode"]
    own = await scenario.graphql(PREVIEW, {"code": code}, scenario.token)
    assert refusal_of(own) == ("OWN_OFFER", None)
    [error] = own["data"]["transferCodePreview"]["userErrors"]
    assert error["field"] == ["transferCode"] and error["message"]
    partner = await factory.token(scenario.target_superuser, TokenScope.READ_ONLY)
    refused = await scenario.graphql(PREVIEW, {"code": code}, partner)
    assert refusal_of(refused) == ("FORBIDDEN", None)
    assert refused["data"]["transferCodePreview"]["userErrors"][0]["field"] is None
    assert await CodeAttempt.all().count() == 0, "no attempt spent by a refusal before the code"
    assert preview_of(await scenario.preview(code))["package"] == "EXACT_ONLINE"
