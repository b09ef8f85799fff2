"""Every query, mutation and subscription of schema.graphql, tried with every role's token.

The operations are generated from the committed contract, so a field added later is tried
too. The expected access below is the table of roles in docs/api/access.md, written out
independently of the code that enforces it; each response is also searched for the values a
role must never see (transfer codes, recipients' and inbound addresses, documents,
administrations).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    build_schema,
    get_named_type,
    is_leaf_type,
)

from models import ApiToken, CodeAttempt, Document, MigrationAdministration
from models.enums import MigrationStatus, Role, TokenScope
from tests.scenarios import Scenario, gid, pk_of
from tests.test_live_progress import connect

SCHEMA: GraphQLSchema = build_schema(
    (Path(__file__).resolve().parents[2] / "schema.graphql").read_text()
)
PAGE = 3
DEPTH = 4

# docs/api/access.md's table: the root fields each reader may use. Everything else is FORBIDDEN.
EVERY_QUERY = set(SCHEMA.query_type.fields)
MIGRATION_READS = {
    "viewer",
    "node",
    "terms",
    "offeredAdministrations",
    "receivableAdministrations",
    "migration",
    "migrationProgress",
}
ALLOWED: dict[str, set[str]] = {
    "source superuser": EVERY_QUERY | {"migrationProgress"},
    "source partner": MIGRATION_READS | {"webhookEndpoints"},
    "source user": {
        "viewer",
        "node",
        "terms",
        "accountingConnections",
        "administrations",
        "documents",
        "apiTokens",
    },
    "source authorizer": {"viewer", "node", "terms", "apiTokens"},
    "source restricted client": {"viewer", "node", "terms", "apiTokens"},
    "target superuser": EVERY_QUERY | {"migrationProgress"},
    "target partner": MIGRATION_READS | {"webhookEndpoints"},
    "outsider superuser": EVERY_QUERY | {"migrationProgress"},
}
# Who may download the source's document files: the others get 403, other offices 404.
DOWNLOAD_STATUS = {
    "source superuser": 200,
    "source partner": 403,
    "source user": 200,
    "source authorizer": 403,
    "source restricted client": 403,
    "target superuser": 404,
    "target partner": 403,  # read-only tokens are refused before any document is looked up
    "outsider superuser": 404,
}


@dataclass
class Reader:
    """One role's token, and what it must never find in any answer."""

    name: str
    token: str
    secrets: list[str]


@dataclass
class World:
    """An open offer from the source to the target, every reader, and the IDs to try."""

    scenario: Scenario
    readers: list[Reader]
    ids: dict[str, str]
    transfer_code: str
    document_ids: list[int]


@pytest.fixture
async def world(scenario: Scenario, factory) -> World:
    source, target = scenario.source, scenario.target
    migration = await scenario.offer()
    code = migration["transferCode"]
    documents = await Document.filter(administration_id=scenario.ready[0].pk).order_by("id")
    item = await MigrationAdministration.filter(migration_id=pk_of(migration["id"])).first()
    source_token = await ApiToken.filter(user=scenario.superuser).first()
    outsider_env = await factory.environment()
    authorizer = await factory.user(source, role=Role.AUTHORIZER)
    restricted = await factory.user(source, role=Role.RESTRICTED_CLIENT)

    codes = [code, code.replace("-", "")]
    recipients = [scenario.target_superuser.email]
    requester = [scenario.superuser.email]
    files = [d.file_name for d in documents] + [d.sha256 for d in documents]
    names = [a.name for a in scenario.ready]
    inbound = [a.inbound_mail_address for a in scenario.ready]  # read-only tokens see none
    partner = TokenScope.READ_ONLY
    readers = [
        Reader("source superuser", scenario.token, []),
        Reader(
            "source partner",
            await factory.token(scenario.superuser, scope=partner),
            codes + recipients + files + inbound,
        ),
        Reader("source user", scenario.clerk_token, codes + recipients),
        Reader(
            "source authorizer", await factory.token(authorizer), codes + files + names + inbound
        ),
        Reader(
            "source restricted client",
            await factory.token(restricted),
            codes + files + names + inbound,
        ),
        # The requester is in copy of the offer mail, so the receiver knows that address.
        Reader("target superuser", scenario.target_token, codes + files),
        Reader(
            "target partner",
            await factory.token(scenario.target_superuser, scope=partner),
            codes + files + requester + inbound,
        ),
        Reader(
            "outsider superuser",
            await factory.token(await factory.user(outsider_env)),
            codes + recipients + requester + files + names + inbound,
        ),
    ]
    ids = {
        "Migration": migration["id"],
        "MigrationAdministration": gid("MigrationAdministration", item),
        "Administration": gid("Administration", scenario.ready[0]),
        "AccountingConnection": gid("AccountingConnection", scenario.exact),
        "Document": gid("Document", documents[0]),
        "User": gid("User", scenario.superuser),
        "ApiToken": gid("ApiToken", source_token),
        "Environment": gid("Environment", source),
        "TargetEnvironment": gid("Environment", target),
    }
    return World(scenario, readers, ids, code, [d.pk for d in documents])


def selection(graphql_type: Any, depth: int) -> str:
    """Every field of a type that needs no argument we cannot give, down to a depth."""
    named = get_named_type(graphql_type)
    if is_leaf_type(named):
        return ""
    if depth == 0:
        return "{ __typename }"
    parts = ["__typename"]
    if isinstance(named, GraphQLInterfaceType):
        for possible in SCHEMA.get_possible_types(named):
            parts.append(f"... on {possible.name} {selection(possible, depth - 1)}")
    assert isinstance(named, GraphQLObjectType | GraphQLInterfaceType)
    for name, field in named.fields.items():
        arguments = nested_arguments(field)
        if arguments is None:
            continue
        parts.append(f"{name}{arguments} {selection(field.type, depth - 1)}")
    return "{ " + " ".join(parts) + " }"


def nested_arguments(field: GraphQLField) -> str | None:
    """Small pages for every connection; a field with another required argument is left out."""
    given = []
    for name, argument in field.args.items():
        if name == "first":
            given.append(f"first: {PAGE}")
        elif isinstance(argument.type, GraphQLNonNull):
            return None
    return f"({', '.join(given)})" if given else ""


def root_operations(world: World) -> list[tuple[str, str, dict[str, Any]]]:
    """(field, document, variables) for every query field, node with every kind of ID."""
    values = {
        "connectionId": world.ids["AccountingConnection"],
        "administrationId": world.ids["Administration"],
        "migrationId": world.ids["Migration"],
        "transferCode": world.transfer_code,
        "fileProblemOnly": False,
        "id": world.ids["Migration"],  # migration(id:); node(id:) tries every kind below
    }
    operations = []
    for name, field in SCHEMA.query_type.fields.items():
        if name == "node":
            for kind, value in world.ids.items():
                fields = selection(SCHEMA.get_type(kind.removeprefix("Target")), DEPTH)
                document = "query($id: ID!) { node(id: $id) { __typename ... on "
                document += f"{kind.removeprefix('Target')} {fields} }} }}"
                operations.append((name, document, {"id": value}))
            continue
        arguments, variables, declared = [], {}, []
        for arg_name, argument in field.args.items():
            if arg_name == "first":
                arguments.append(f"first: {PAGE}")
            elif arg_name in values:
                declared.append(f"${arg_name}: {argument.type}")
                arguments.append(f"{arg_name}: ${arg_name}")
                variables[arg_name] = values[arg_name]
            elif isinstance(argument.type, GraphQLNonNull):
                raise AssertionError(f"no value for {name}({arg_name}:), add one to the matrix")
        head = f"query({', '.join(declared)})" if declared else "query"
        args = f"({', '.join(arguments)})" if arguments else ""
        operations.append(
            (name, f"{head} {{ {name}{args} {selection(field.type, DEPTH)} }}", variables)
        )
    return operations


def input_value(graphql_type: Any, field_name: str, world: World, input_name: str) -> Any:
    """A value for an input field, made of the victim's real IDs and code wherever one fits."""
    if isinstance(graphql_type, GraphQLNonNull):
        return input_value(graphql_type.of_type, field_name, world, input_name)
    if isinstance(graphql_type, GraphQLList):
        return [input_value(graphql_type.of_type, field_name, world, input_name)]
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        return {
            name: input_value(field.type, name, world, graphql_type.name)
            for name, field in graphql_type.fields.items()
        }
    assert isinstance(graphql_type, GraphQLScalarType)
    if graphql_type.name == "ID":
        if field_name.startswith(("administrationId", "migrationAdministrationId")):
            kind = "Administration" if input_name == "OfferMigrationInput" else None
            return world.ids[kind or "MigrationAdministration"]
        kind = {"migrationId": "Migration", "connectionId": "AccountingConnection"}
        return world.ids.get(kind.get(field_name, ""), world.ids["ApiToken"])
    if field_name == "transferCode":
        return world.transfer_code
    if field_name == "recipients":
        return world.scenario.target_superuser.email
    if graphql_type.name == "DateTime":
        return "2030-01-01T00:00:00+00:00"
    return {"Boolean": True, "Int": 1, "Float": 1.0}.get(graphql_type.name, "matrix")


def mutations(world: World) -> list[tuple[str, str, dict[str, Any]]]:
    """(field, document, variables) for every mutation, aimed at the victim's objects."""
    operations = []
    for name, field in SCHEMA.mutation_type.fields.items():
        input_type = field.args["input"].type
        document = (
            f"mutation($input: {input_type}) {{ {name}(input: $input) {selection(field.type, 3)} }}"
        )
        value = input_value(input_type, "input", world, "")
        operations.append((name, document, {"input": value}))
    return operations


def leaks(reader: Reader, body: Any) -> list[str]:
    """The values of the reader's secrets that an answer contains."""
    text = json.dumps(body)
    return [secret for secret in reader.secrets if secret and secret in text]


def top_codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


def refusal_codes(body: dict[str, Any], name: str) -> list[str]:
    """What a root field was refused with: its errors, or a result's typed userErrors."""
    value = (body.get("data") or {}).get(name)
    if not body.get("errors") and isinstance(value, dict) and "userErrors" in value:
        return [error["code"] for error in value["userErrors"]]
    return top_codes(body)


async def test_every_query_gives_each_role_only_its_share(world: World):
    operations = root_operations(world)
    assert {name for name, _, _ in operations} == EVERY_QUERY
    problems = []
    for reader in world.readers:
        for name, document, variables in operations:
            body = await world.scenario.graphql(document, variables, reader.token)
            codes = refusal_codes(body, name)
            if "Unexpected error." in json.dumps(body) or None in codes:
                problems.append((reader.name, name, "unexpected error", body))
            if found := leaks(reader, body):
                problems.append((reader.name, name, "leak", found))
            allowed = name in ALLOWED[reader.name]
            if not allowed and codes != ["FORBIDDEN"]:
                problems.append((reader.name, name, "not refused", codes))
            if allowed and "FORBIDDEN" in codes:
                problems.append((reader.name, name, "refused", codes))
    assert problems == []


async def test_other_offices_get_nothing_by_id(world: World):
    """The outsider may use every field, yet every ID of the source's is null or not found."""
    outsider = next(r for r in world.readers if r.name == "outsider superuser")
    for name, document, variables in root_operations(world):
        if not variables:
            continue
        body = await world.scenario.graphql(document, variables, outsider.token)
        data = body.get("data") or {}
        value = data.get(name)
        opened = value.get("preview") if value and "userErrors" in value else value
        assert opened is None or opened.get("totalCount") == 0, (name, body)
        refusals = {"NOT_FOUND", "TRANSFER_CODE_INVALID", "BAD_USER_INPUT"}
        assert set(refusal_codes(body, name)) <= refusals, (name, body)


# What any superuser may do for itself: issue its own tokens, and check addresses it types (its
# answer echoes them, within the recipient checks' limit).
OWN_BUSINESS = {"createApiToken", "checkRecipients"}


async def test_no_mutation_lets_a_reader_change_what_is_not_theirs(world: World):
    operations = mutations(world)
    assert {name for name, _, _ in operations} == set(SCHEMA.mutation_type.fields)
    owners = ("source superuser", "target superuser")
    outsiders = [r for r in world.readers if r.name not in owners]
    problems = []
    for reader in outsiders:
        for name, document, variables in operations:
            if name in OWN_BUSINESS and reader.name == "outsider superuser":
                continue  # not the victim's business
            body = await world.scenario.graphql(document, variables, reader.token)
            if "Unexpected error." in json.dumps(body):
                problems.append((reader.name, name, "unexpected error", body))
            if found := leaks(reader, body):
                problems.append((reader.name, name, "leak", found))
            payload = (body.get("data") or {}).get(name)
            if payload is None:
                if top_codes(body) != ["FORBIDDEN"]:
                    problems.append((reader.name, name, "no payload", top_codes(body)))
            elif not payload["userErrors"]:
                problems.append((reader.name, name, "accepted", payload))
    assert problems == []
    statuses = await MigrationAdministration.all().values_list("status", flat=True)
    assert set(statuses) == {MigrationStatus.OFFERED}
    assert await ApiToken.filter(revoked_at__isnull=False).count() == 0


async def test_each_role_downloads_only_what_the_documents_query_shows(world: World):
    client = world.scenario.server.client
    for reader in world.readers:
        response = await client.get(
            f"/documents/{world.document_ids[0]}/file",
            headers={"Authorization": f"Bearer {reader.token}"},
        )
        assert response.status_code == DOWNLOAD_STATUS[reader.name], (reader.name, response.text)
        if response.status_code != 200:
            assert leaks(reader, response.text) == []
            assert response.json()["error"]["code"] in ("FORBIDDEN", "NOT_FOUND")


async def test_the_subscription_follows_the_same_table(world: World):
    field = SCHEMA.subscription_type.fields["migrationProgress"]
    document = (
        "subscription($id: ID!) { migrationProgress(migrationId: $id) "
        f"{selection(field.type, DEPTH)} }}"
    )
    for reader in world.readers:
        socket, client = await connect(world.scenario, reader.token)
        async with socket:
            assert (await client.receive())["type"] == "connection_ack"
            payload = {"query": document, "variables": {"id": world.ids["Migration"]}}
            await client.send({"id": "1", "type": "subscribe", "payload": payload})
            message = await client.receive()
        assert leaks(reader, message) == [], reader.name
        # The offer names its target office, which follows it like the source does.
        involved = not reader.name.startswith("outsider")
        if "migrationProgress" in ALLOWED[reader.name] and involved:
            assert message["type"] == "next", (reader.name, message)
            assert "errors" not in message["payload"], (reader.name, message)
        else:
            assert message["type"] in ("error", "next"), (reader.name, message)
            errors = (
                message["payload"]
                if message["type"] == "error"
                else message["payload"].get("errors", [])
            )
            codes = [e.get("extensions", {}).get("code") for e in errors]
            assert codes in (["FORBIDDEN"], ["NOT_FOUND"]), (reader.name, message)


async def test_a_partner_token_cannot_spend_its_owners_code_attempts(world: World):
    """Read-only tokens never redeem codes, so a partner cannot lock its superuser out."""
    partner = next(r for r in world.readers if r.name == "source partner")
    query = (
        "query($c: String!) { transferCodePreview(transferCode: $c) "
        "{ preview { package } userErrors { code } } }"
    )
    for _ in range(6):
        body = await world.scenario.graphql(query, {"c": "AAAA-BBBB-CCCC-DDDD-EEEE"}, partner.token)
        assert refusal_codes(body, "transferCodePreview") == ["FORBIDDEN"]
    assert await CodeAttempt.all().count() == 0
