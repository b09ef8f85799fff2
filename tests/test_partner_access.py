"""Partner integrations: read-only tokens read status and audit, and every mutation refuses them."""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)

from api.graphql import build_schema
from models import ApiToken, AuditEvent, Migration, MigrationAdministration
from models.enums import TokenScope
from overdracht.settings import Settings
from tests.scenarios import Scenario


def sample_value(graphql_type: Any) -> Any:
    """A value of the right shape for any input type, so a request passes validation."""
    if isinstance(graphql_type, GraphQLNonNull):
        return sample_value(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return [sample_value(graphql_type.of_type)]
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        return {name: sample_value(field.type) for name, field in graphql_type.fields.items()}
    assert isinstance(graphql_type, GraphQLScalarType)
    if graphql_type.name == "DateTime":
        return "2030-01-01T00:00:00+00:00"
    return {"Boolean": True, "Int": 1, "Float": 1.0}.get(graphql_type.name, "x")


def every_mutation() -> list[tuple[str, str, dict]]:
    """(name, document, variables) for every mutation in the schema, new ones included."""
    schema = build_schema(Settings())._schema
    mutations = []
    for name, field in schema.mutation_type.fields.items():
        arg_type = field.args["input"].type
        document = f"mutation($input: {arg_type}) {{ {name}(input: $input) {{ __typename }} }}"
        mutations.append((name, document, {"input": sample_value(arg_type)}))
    return mutations


async def test_every_mutation_refuses_a_read_only_token(scenario: Scenario, factory):
    migration = await scenario.offer()
    partner = await factory.token(scenario.superuser, scope=TokenScope.READ_ONLY)
    before = (
        await Migration.all().count(),
        await MigrationAdministration.filter(status="OFFERED").count(),
        await ApiToken.all().count(),
        await AuditEvent.all().count(),
    )
    mutations = every_mutation()
    assert len(mutations) >= 7
    for name, document, variables in mutations:
        body = await scenario.graphql(document, variables, partner)
        assert body["data"] is None, name
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], (name, body)
    after = (
        await Migration.all().count(),
        await MigrationAdministration.filter(status="OFFERED").count(),
        await ApiToken.all().count(),
        await AuditEvent.all().count(),
    )
    assert after == before
    assert migration["id"]


async def test_a_read_only_token_reads_status_progress_and_audit(scenario: Scenario, factory):
    migration = await scenario.offer()
    partner = await factory.token(scenario.superuser, scope=TokenScope.READ_ONLY)
    query = """query($id: ID!) {
      migration(id: $id) {
        statusCounts { offered total }
        administrations { nodes { status progress { documentsDone documentsTotal } } }
        auditTrail { totalCount nodes { action actorName at actorOffice { officeCode } } }
      }
      offeredAdministrations { totalCount }
    }"""
    body = await scenario.graphql(query, {"id": migration["id"]}, partner)
    data = body["data"]
    assert data["migration"]["statusCounts"] == {"offered": 2, "total": 2}
    assert data["migration"]["auditTrail"]["totalCount"] == 2
    assert data["offeredAdministrations"]["totalCount"] == 2


async def test_a_partner_of_the_target_reads_the_reception(scenario: Scenario, factory):
    migration = await scenario.offer()
    await scenario.claim(migration["transferCode"], scenario.items(migration))
    partner = await factory.token(scenario.target_superuser, scope=TokenScope.READ_ONLY)
    query = """query($id: ID!) {
      migration(id: $id) { auditTrail { nodes { action actorOffice { officeCode } } } }
      receivableAdministrations { nodes { status } }
    }"""
    body = await scenario.graphql(query, {"id": migration["id"]}, partner)
    actions = [e["action"] for e in body["data"]["migration"]["auditTrail"]["nodes"]]
    assert actions == ["OFFERED", "OFFERED", "RECEIVED", "RECEIVED"]
    offices = {
        e["actorOffice"]["officeCode"] for e in body["data"]["migration"]["auditTrail"]["nodes"]
    }
    assert offices == {scenario.source.office_code, scenario.target.office_code}
    assert {n["status"] for n in body["data"]["receivableAdministrations"]["nodes"]} == {"QUEUED"}
