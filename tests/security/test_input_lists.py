"""Every list in a mutation's input has a maximum; a longer one is one error and no SQL at all."""

from __future__ import annotations

import json
from typing import Any

import pytest
from graphql import GraphQLInputObjectType, GraphQLList, GraphQLNonNull

from api.graphql import build_schema
from api.list_limits import maximum_of
from models import Migration
from models.terms import VERSION as TERMS_VERSION
from overdracht.settings import MOST_ADMINISTRATIONS_PER_OFFER, Settings
from tests.documents import OFFER
from tests.scenarios import Scenario

SCHEMA = build_schema(Settings())._schema
HUGE = 100_000

CHANGE = """mutation($input: ChangeMigrationRecipientsInput!) {
  changeMigrationRecipients(input: $input) { userErrors { code field } } }"""
CLAIM = """mutation($input: ClaimMigrationInput!) {
  claimMigration(input: $input) { userErrors { code field } } }"""
REJECT = """mutation($input: RejectMigrationInput!) {
  rejectMigration(input: $input) { userErrors { code field } } }"""


def is_list(graphql_type: Any) -> bool:
    if isinstance(graphql_type, GraphQLNonNull):
        return is_list(graphql_type.of_type)
    return isinstance(graphql_type, GraphQLList)


def test_every_list_in_every_input_declares_its_maximum():
    lists = []
    for graphql_type in SCHEMA.type_map.values():
        if isinstance(graphql_type, GraphQLInputObjectType):
            for name, field in graphql_type.fields.items():
                if is_list(field.type):
                    lists.append((graphql_type.name, name, maximum_of(field, Settings())))
    assert ("OfferMigrationInput", "administrationIds", MOST_ADMINISTRATIONS_PER_OFFER) in lists
    assert [entry for entry in lists if entry[2] is None] == []
    # Arguments have no way to declare one yet: a list argument needs list_limits.py first.
    arguments = [
        (root.name, name, argument)
        for root in (SCHEMA.query_type, SCHEMA.mutation_type, SCHEMA.subscription_type)
        if root is not None
        for name, field in root.fields.items()
        for argument, definition in field.args.items()
        if is_list(definition.type)
    ]
    assert arguments == []


def too_long(scenario: Scenario) -> list[tuple[str, str, dict[str, Any], list[str], int]]:
    """(name, document, variables, path, maximum) of each list of each mutation, too long."""
    code = "AAAA-BBBB-CCCC-DDDD-EEEE"
    claims = [{"migrationAdministrationId": "1", "connectionId": "1"}] * 10_000
    return [
        (
            "offerMigration",
            OFFER,
            scenario.offer_input(administrationIds=["1"] * HUGE),
            ["input", "administrationIds"],
            MOST_ADMINISTRATIONS_PER_OFFER,
        ),
        (
            "offerMigration",
            OFFER,
            scenario.offer_input(recipients=["a@b.nl"] * HUGE),
            ["input", "recipients"],
            10,
        ),
        (
            "changeMigrationRecipients",
            CHANGE,
            {"input": {"migrationId": "1", "recipients": ["a@b.nl"] * HUGE}},
            ["input", "recipients"],
            10,
        ),
        (
            "claimMigration",
            CLAIM,
            {
                "input": {
                    "transferCode": code,
                    "acceptTerms": True,
                    "termsVersion": TERMS_VERSION,
                    "acceptCosts": True,
                    "administrations": claims,
                }
            },
            ["input", "administrations"],
            MOST_ADMINISTRATIONS_PER_OFFER,
        ),
        (
            "rejectMigration",
            REJECT,
            {"input": {"transferCode": code, "migrationAdministrationIds": ["1"] * HUGE}},
            ["input", "migrationAdministrationIds"],
            MOST_ADMINISTRATIONS_PER_OFFER,
        ),
    ]


@pytest.mark.parametrize("signed_in", [True, False])
async def test_a_huge_list_is_one_error_before_any_sql(
    scenario: Scenario, count_queries, signed_in
):
    for name, document, variables, path, maximum in too_long(scenario):
        count_queries.statements.clear()
        response = await scenario.server.client.post(
            "/graphql",
            json={"query": document, "variables": variables},
            headers={"Authorization": f"Bearer {scenario.token}"} if signed_in else {},
        )
        assert count_queries.statements == [], name
        body = response.json()
        assert "data" not in body, name  # refused before execution
        [error] = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (name, error)
        assert error["extensions"]["reason"] == "TOO_MANY"
        assert error["extensions"]["field"] == path, name
        assert error["extensions"]["maximum"] == maximum, name
        assert len(response.content) < 1_000, name
    assert await Migration.all().count() == 0


async def test_a_literal_list_in_the_document_is_limited_too(scenario: Scenario, count_queries):
    ids = json.dumps(["1"] * 50)
    document = f"""mutation {{ rejectMigration(input: {{transferCode: "x",
      migrationAdministrationIds: {ids}}}) {{ userErrors {{ code }} }} }}"""
    few = await scenario.graphql(document, None, scenario.token)
    assert few["data"]["rejectMigration"]["userErrors"], few  # 50 is within the maximum
    many = document.replace(ids, json.dumps(["1"] * (MOST_ADMINISTRATIONS_PER_OFFER + 1)))
    count_queries.statements.clear()
    body = await scenario.graphql(many, None, scenario.token)
    assert count_queries.statements == []
    [error] = body["errors"]
    assert error["extensions"]["field"] == ["input", "migrationAdministrationIds"]
    assert error["extensions"]["items"] == MOST_ADMINISTRATIONS_PER_OFFER + 1
