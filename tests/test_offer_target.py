"""Rule 7: the recipients fix the offer's target office, which alone sees it on the other side."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from models import Migration, RecipientCheck
from models.enums import Plan, Role, TokenScope
from tests.documents import OFFER
from tests.scenarios import TARGET_SUPERUSER, Scenario, codes, pk_of

MIGRATION = """query($id: ID!) {
  migration(id: $id) { id sourceOffice { officeCode } auditTrail { totalCount } }
}"""


def errors_at(payload: dict) -> list[tuple[str, list[str] | None]]:
    return [(e["code"], e["field"]) for e in payload["userErrors"]]


async def test_an_address_of_nobody_is_refused_at_its_position(scenario: Scenario):
    payload = await scenario.offer_payload(recipients=[TARGET_SUPERUSER, "info@bosman.example"])
    assert errors_at(payload) == [("UNKNOWN_RECIPIENT", ["input", "recipients", "1"])]
    assert await Migration.all().count() == 0


async def test_a_user_who_is_not_an_active_superuser_is_refused(scenario: Scenario, factory):
    clerk = await factory.user(scenario.target, role=Role.USER)
    gone = await factory.user(scenario.target)
    gone.is_active = False
    await gone.save()
    payload = await scenario.offer_payload(recipients=[clerk.email, TARGET_SUPERUSER, gone.email])
    assert errors_at(payload) == [
        ("UNKNOWN_RECIPIENT", ["input", "recipients", "0"]),
        ("UNKNOWN_RECIPIENT", ["input", "recipients", "2"]),
    ]


async def test_superusers_of_two_offices_are_refused(scenario: Scenario, factory):
    other = await factory.user(await factory.environment(plan=Plan.PREMIUM))
    payload = await scenario.offer_payload(recipients=[TARGET_SUPERUSER, other.email])
    assert errors_at(payload) == [
        ("RECIPIENTS_IN_SEVERAL_ENVIRONMENTS", ["input", "recipients", "1"])
    ]


async def test_a_target_that_is_not_premium_is_refused_at_the_offer(scenario: Scenario, factory):
    starter = await factory.user(await factory.environment(plan=Plan.TRIAL))
    payload = await scenario.offer_payload(recipients=[starter.email])
    assert codes(payload) == ["NOT_PREMIUM"]
    assert payload["userErrors"][0]["field"] == ["input", "recipients"]


async def test_positions_count_as_sent_after_an_invalid_address(scenario: Scenario):
    payload = await scenario.offer_payload(
        recipients=["not-an-address", TARGET_SUPERUSER, scenario.clerk.email]
    )
    assert errors_at(payload) == [
        ("INVALID_EMAIL", ["input", "recipients", "0"]),
        ("RECIPIENT_IN_OWN_ENVIRONMENT", ["input", "recipients", "2"]),
    ]


async def test_the_offer_records_its_target_which_reads_it_before_claiming(
    scenario: Scenario, factory
):
    migration = await scenario.offer()
    offer = await Migration.get(pk=pk_of(migration["id"]))
    assert offer.target_environment_id == scenario.target.pk  # type: ignore[attr-defined]
    body = await scenario.graphql(MIGRATION, {"id": migration["id"]}, scenario.target_token)
    assert body["data"]["migration"]["sourceOffice"]["officeCode"] == scenario.source.office_code
    outsider = await factory.token(await factory.user(await factory.environment()))
    body = await scenario.graphql(MIGRATION, {"id": migration["id"]}, outsider)
    assert body["data"]["migration"] is None


# -- the recipient check is no directory (rules 1 and 7) -----------------------------------------

RECIPIENTS = """mutation($i: ChangeMigrationRecipientsInput!) {
  changeMigrationRecipients(input: $i) { userErrors { code field message retryAt } } }"""
LOOKUPS = """{ recipientChecks(first: 100) { totalCount nodes { id at actorName address } } }"""


def dry_run(scenario: Scenario, recipients: list[str]) -> dict:
    """An offer that writes nothing, whatever the recipients: its terms are not accepted."""
    return scenario.offer_input(recipients=recipients, acceptTerms=False)


async def refusals(scenario: Scenario, recipients: list[str], token: str | None = None) -> list:
    body = await scenario.graphql(OFFER, dry_run(scenario, recipients), token or scenario.token)
    assert "errors" not in body, body
    return [
        e for e in body["data"]["offerMigration"]["userErrors"] if e["code"] != "TERMS_NOT_ACCEPTED"
    ]


async def test_recipient_refusals_name_only_what_the_sender_typed(scenario: Scenario, factory):
    """Once: "… is a superuser of Van Dijk Accountants, not of …", "… is on the TRIAL plan"."""
    elsewhere = await factory.environment(plan=Plan.PREMIUM, name="Van Dijk Accountants")
    stranger = await factory.user(elsewhere)
    starter = await factory.environment(plan=Plan.TRIAL, name="Starter Boekhouding")
    starter_superuser = await factory.user(starter)
    found = await refusals(scenario, [TARGET_SUPERUSER, stranger.email])
    found += await refusals(scenario, [starter_superuser.email])
    migration = await scenario.offer()
    body = await scenario.graphql(
        RECIPIENTS,
        {"i": {"migrationId": migration["id"], "recipients": [stranger.email]}},
        scenario.token,
    )
    found += body["data"]["changeMigrationRecipients"]["userErrors"]
    assert [e["code"] for e in found] == [
        "RECIPIENTS_IN_SEVERAL_ENVIRONMENTS",
        "NOT_PREMIUM",
        "RECIPIENTS_IN_SEVERAL_ENVIRONMENTS",
    ]
    typed = {TARGET_SUPERUSER, stranger.email, starter_superuser.email}
    for error in found:
        message = error["message"]
        for secret in ("Van Dijk", "Bosman", "Starter", "TRIAL", "STANDARD", "Kantoor"):
            assert secret not in message, message
        words = {word.strip(",.:;") for word in message.split()}
        assert {w for w in words if "@" in w} <= typed, message


async def test_recipient_lookups_are_limited_per_user_with_the_moment_to_try_again(
    scenario: Scenario, factory, settings, clock
):
    limit = settings.recipient_checks_per_hour
    first = clock.now()
    guesses = [f"wie{n}@elders.example" for n in range(limit)]
    for start in range(0, limit, 10):
        found = await refusals(scenario, guesses[start : start + 10])
        assert {e["code"] for e in found} == {"UNKNOWN_RECIPIENT"}
        clock.advance(timedelta(minutes=1))
    # The same addresses again tell nothing new and cost nothing...
    assert {e["code"] for e in await refusals(scenario, guesses[:3])} == {"UNKNOWN_RECIPIENT"}
    # ...another one is refused before it is looked up, saying until when.
    [refused] = await refusals(scenario, [TARGET_SUPERUSER])
    assert (refused["code"], refused["field"]) == (
        "TOO_MANY_RECIPIENT_CHECKS",
        ["input", "recipients"],
    )
    assert refused["retryAt"] == (first + timedelta(hours=1)).isoformat()
    assert not await RecipientCheck.exists(email=TARGET_SUPERUSER), "not looked up"
    payload = await scenario.offer_payload(recipients=[TARGET_SUPERUSER])
    assert codes(payload) == ["TOO_MANY_RECIPIENT_CHECKS"]
    assert await Migration.all().count() == 0
    # A colleague has a limit of their own.
    colleague = await factory.token(await factory.user(scenario.source))
    assert await refusals(scenario, [TARGET_SUPERUSER], colleague) == []
    clock.set(first + timedelta(hours=1))
    assert (await scenario.offer_payload(recipients=[TARGET_SUPERUSER]))["userErrors"] == []


async def test_recipient_lookups_are_recorded_for_the_offices_superusers(
    scenario: Scenario, factory
):
    await refusals(scenario, ["wie@elders.example", TARGET_SUPERUSER])
    body = await scenario.graphql(LOOKUPS, None, scenario.token)
    seen = body["data"]["recipientChecks"]
    assert seen["totalCount"] == 2
    assert {(n["actorName"], n["address"]) for n in seen["nodes"]} == {
        ("Anna de Vries", "wie@elders.example"),
        ("Anna de Vries", TARGET_SUPERUSER),
    }
    body = await scenario.graphql(LOOKUPS, None, scenario.target_token)
    assert body["data"]["recipientChecks"]["totalCount"] == 0, "another office's are not its own"
    partner = await factory.token(scenario.superuser, TokenScope.READ_ONLY)
    for token in (partner, scenario.clerk_token):
        body = await scenario.graphql(LOOKUPS, None, token)
        assert body["data"]["recipientChecks"] is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.postgres
async def test_simultaneous_lookups_of_one_user_stop_at_the_limit(scenario: Scenario, settings):
    limit = settings.recipient_checks_per_hour
    batches = [[f"wie{b}.{n}@elders.example" for n in range(10)] for b in range(6)]
    answers = await asyncio.gather(*(refusals(scenario, batch) for batch in batches))
    allowed = [a for a in answers if all(e["code"] == "UNKNOWN_RECIPIENT" for e in a)]
    refused = [a for a in answers if [e["code"] for e in a] == ["TOO_MANY_RECIPIENT_CHECKS"]]
    assert len(allowed) == limit // 10
    assert len(allowed) + len(refused) == len(batches)
    recorded = await RecipientCheck.filter(user_id=scenario.superuser.pk).count()
    assert recorded == limit
