"""checkRecipients: the offer wizard checks each recipient as offerMigration will (rule 7)."""

from __future__ import annotations

from datetime import timedelta

from models import Migration, RecipientCheck
from models.enums import Plan, Role, TokenScope
from tests.documents import OFFER
from tests.scenarios import TARGET_SUPERUSER, Scenario

CHECK = """mutation($i: CheckRecipientsInput!) {
  checkRecipients(input: $i) {
    recipients { id address accepted }
    userErrors { code field message retryAt }
  }
}"""


async def check(scenario: Scenario, recipients: list[str], token: str | None = None) -> dict:
    body = await scenario.graphql(CHECK, {"i": {"recipients": recipients}}, token or scenario.token)
    assert "errors" not in body, body
    return body["data"]["checkRecipients"]


async def offer_refusals(scenario: Scenario, recipients: list[str]) -> list[dict]:
    """What offerMigration says of these recipients, in an offer that writes nothing."""
    variables = scenario.offer_input(recipients=recipients, acceptTerms=False)
    body = await scenario.graphql(OFFER, variables, scenario.token)
    assert "errors" not in body, body
    errors = body["data"]["offerMigration"]["userErrors"]
    return [e for e in errors if e["code"] != "TERMS_NOT_ACCEPTED"]


def accepted(payload: dict) -> list[tuple[str, bool]]:
    return [(r["address"], r["accepted"]) for r in payload["recipients"]]


async def test_each_address_is_accepted_or_refused_at_its_position(scenario: Scenario, factory):
    colleague = await factory.user(scenario.target)
    payload = await check(scenario, [TARGET_SUPERUSER, "Nobody@Bosman.example", colleague.email])
    assert accepted(payload) == [
        (TARGET_SUPERUSER, True),
        ("Nobody@Bosman.example", False),
        (colleague.email, True),
    ]
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("UNKNOWN_RECIPIENT", ["input", "recipients", "1"])
    ]
    assert await Migration.all().count() == 0


async def test_it_says_what_the_offer_says_with_the_same_codes_and_messages(
    scenario: Scenario, factory
):
    clerk = await factory.user(scenario.target, role=Role.USER)
    elsewhere = await factory.user(await factory.environment(plan=Plan.PREMIUM))
    starter = await factory.user(await factory.environment(plan=Plan.TRIAL))
    lists = [
        ["not-an-address", TARGET_SUPERUSER, scenario.clerk.email],
        [clerk.email, TARGET_SUPERUSER, "  EVA@bosman.example "],
        [TARGET_SUPERUSER, elsewhere.email],
        [starter.email],
        [],
    ]
    for recipients in lists:
        payload = await check(scenario, recipients)
        assert payload["userErrors"] == await offer_refusals(scenario, recipients), recipients
    refused_everything = await check(scenario, [starter.email])
    assert [e["code"] for e in refused_everything["userErrors"]] == ["NOT_PREMIUM"]
    assert accepted(refused_everything) == [(starter.email, False)]
    mixed = await check(scenario, ["not-an-address", TARGET_SUPERUSER, scenario.clerk.email])
    assert [ok for _, ok in accepted(mixed)] == [False, True, False]
    twice = await check(scenario, [clerk.email, TARGET_SUPERUSER, "  EVA@bosman.example "])
    assert [ok for _, ok in accepted(twice)] == [False, True, True]
    assert twice["recipients"][1]["id"] == twice["recipients"][2]["id"], "one address, one id"
    assert TARGET_SUPERUSER not in str([r["id"] for r in twice["recipients"]])


async def test_it_counts_against_the_offers_limit_on_lookups(
    scenario: Scenario, settings, clock, factory
):
    limit = settings.recipient_checks_per_hour
    addresses = [f"wie{n}@elders.example" for n in range(limit - 1)]
    last_sent = {}
    for wizard in (addresses[:10], addresses[10:]):  # two offers' lists, each as it grows
        for n in range(1, len(wizard) + 1):
            payload = await check(scenario, wizard[:n])
            assert {e["code"] for e in payload["userErrors"]} == {"UNKNOWN_RECIPIENT"}
            last_sent.update(dict.fromkeys(wizard[:n], clock.now()))
            clock.advance(timedelta(seconds=30))
    looked_up = RecipientCheck.filter(user_id=scenario.superuser.pk)
    assert set(await looked_up.values_list("email", flat=True)) == set(addresses)
    # The offer may look up one more address, and then checkRecipients none.
    assert await offer_refusals(scenario, [TARGET_SUPERUSER]) == []
    payload = await check(scenario, ["ruud@bosman.example"])
    [refused] = payload["userErrors"]
    assert (refused["code"], refused["field"]) == (
        "TOO_MANY_RECIPIENT_CHECKS",
        ["input", "recipients"],
    )
    # Each address counts from its latest lookup: the first to lapse frees a place.
    free_again = min(last_sent.values()) + timedelta(hours=1)
    assert refused["retryAt"] == free_again.isoformat()
    assert accepted(payload) == [("ruud@bosman.example", False)]
    assert not await RecipientCheck.exists(email="ruud@bosman.example"), "not looked up"
    # What was looked up within the hour costs nothing again.
    again = await check(scenario, [TARGET_SUPERUSER])
    assert (again["userErrors"], accepted(again)) == ([], [(TARGET_SUPERUSER, True)])
    clock.set(free_again)
    assert accepted(await check(scenario, ["ruud@bosman.example"])) == [
        ("ruud@bosman.example", False)
    ]


async def test_only_a_superuser_with_a_full_token_checks_recipients(scenario: Scenario, factory):
    payload = await check(scenario, [TARGET_SUPERUSER], scenario.clerk_token)
    assert [e["code"] for e in payload["userErrors"]] == ["FORBIDDEN"]
    assert payload["recipients"] == []
    partner = await factory.token(scenario.superuser, TokenScope.READ_ONLY)
    body = await scenario.graphql(CHECK, {"i": {"recipients": [TARGET_SUPERUSER]}}, partner)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await RecipientCheck.all().count() == 0
