"""Rule 8: the terms in both languages with a version, and the version accepted is kept."""

from __future__ import annotations

from models import AuditEvent, Migration, MigrationAdministration
from models.enums import Role, TokenScope
from models.terms import VERSION
from tests.scenarios import Scenario, codes, pk_of

TERMS = "{ terms { version nl: text(language: NL) en: text(language: EN) } }"
RECORDED = """query($id: ID!) { migration(id: $id) {
  termsVersion administrations { nodes { id status receptionTermsVersion } } } }"""
CANCEL = """mutation($i: CancelMigrationInput!) { cancelMigration(input: $i) {
  administration { status receptionTermsVersion } userErrors { code } } }"""


async def test_every_signed_in_user_reads_the_terms_in_both_languages(scenario: Scenario, factory):
    readers = [
        scenario.token,
        scenario.clerk_token,
        scenario.target_token,
        await factory.token(scenario.superuser, TokenScope.READ_ONLY),
        await factory.token(await factory.user(scenario.source, role=Role.RESTRICTED_CLIENT)),
    ]
    answers = [await scenario.graphql(TERMS, None, token) for token in readers]
    assert all("errors" not in body for body in answers), answers
    terms = answers[0]["data"]["terms"]
    assert all(body["data"]["terms"] == terms for body in answers)
    assert terms["version"] == VERSION
    for text, words in (
        (terms["nl"], ("Voorwaarden", "overdrachtscode", "geheim", "per administratie")),
        (terms["en"], ("terms", "transfer code", "secret", "for each administration")),
    ):
        assert VERSION in text
        assert all(word in text for word in words), text
    assert terms["nl"] != terms["en"]
    anonymous = await scenario.server.graphql(TERMS)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_an_offer_records_the_version_accepted_and_refuses_another(scenario: Scenario):
    payload = await scenario.offer_payload(termsVersion="2020-01")
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("TERMS_OUTDATED", ["input", "termsVersion"])
    ]
    assert VERSION in payload["userErrors"][0]["message"]
    assert await Migration.all().count() == 0

    migration = await scenario.offer()
    for token in (scenario.token, scenario.target_token):
        body = await scenario.graphql(RECORDED, {"id": migration["id"]}, token)
        shown = body["data"]["migration"]
        assert shown["termsVersion"] == VERSION
        assert {n["receptionTermsVersion"] for n in shown["administrations"]["nodes"]} == {None}
    offered = await AuditEvent.filter(action="OFFERED").values_list("detail", flat=True)
    assert [detail["termsVersion"] for detail in offered] == [VERSION, VERSION]


async def test_a_claim_records_the_version_accepted_and_refuses_another(scenario: Scenario):
    migration = await scenario.offer()
    first, second = scenario.items(migration)
    outdated = await scenario.claim(migration["transferCode"], [first], terms_version="2020-01")
    assert [(e["code"], e["field"]) for e in outdated["userErrors"]] == [
        ("TERMS_OUTDATED", ["input", "termsVersion"])
    ]
    assert not await MigrationAdministration.exists(status="QUEUED")

    assert codes(await scenario.claim(migration["transferCode"], [first])) == []
    for token in (scenario.token, scenario.target_token):
        body = await scenario.graphql(RECORDED, {"id": migration["id"]}, token)
        rows = {n["id"]: n for n in body["data"]["migration"]["administrations"]["nodes"]}
        assert rows[first]["receptionTermsVersion"] == VERSION
        assert rows[second]["receptionTermsVersion"] is None
    [received] = await AuditEvent.filter(action="RECEIVED", item_id=pk_of(first))
    assert received.detail["termsVersion"] == VERSION

    # A cancelled claim is no reception: whoever receives it next accepts the terms anew.
    body = await scenario.graphql(
        CANCEL, {"i": {"migrationAdministrationId": first}}, scenario.target_token
    )
    assert body["data"]["cancelMigration"] == {
        "administration": {"status": "OFFERED", "receptionTermsVersion": None},
        "userErrors": [],
    }
