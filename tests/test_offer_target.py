"""Rule 7: the recipients fix the offer's target office, which alone sees it on the other side."""

from __future__ import annotations

from models import Migration
from models.enums import Plan, Role
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
    assert codes(payload) == ["TARGET_NOT_PREMIUM"]
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
