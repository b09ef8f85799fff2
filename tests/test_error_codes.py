"""Every top-level error names `extensions.code`, whatever stage refused the request."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLError

from api.errors import should_mask_error
from api.graphql import MaskUnexpectedErrors
from models.enums import Role
from tests.subscriptions import connect

# One request of each kind of refusal, and the code each must name.
REQUESTS: list[tuple[str, dict[str, Any], str]] = [
    ("{ viewer { tokenScope ", {}, "GRAPHQL_PARSE_FAILED"),
    ("{ viewer { noSuchField } }", {}, "GRAPHQL_VALIDATION_FAILED"),
    ("{ apiTokens(last: 2) { totalCount } }", {}, "GRAPHQL_VALIDATION_FAILED"),
    (
        "query { " + "viewer { user { " * 8 + "email" + " } }" * 8 + " }",
        {},
        "GRAPHQL_VALIDATION_FAILED",
    ),
    ("query($f: Int) { apiTokens(first: $f) { totalCount } }", {"f": "ten"}, "BAD_USER_INPUT"),
    ("query($f: Int!) { apiTokens(first: $f) { totalCount } }", {}, "BAD_USER_INPUT"),
    ("{ apiTokens(first: 101) { totalCount } }", {}, "BAD_USER_INPUT"),
    ('{ apiTokens(after: "bm9wZQ==") { totalCount } }', {}, "BAD_USER_INPUT"),
    (
        "{ apiTokens(first: 100) { nodes { id } } a: apiTokens(first: 100) { nodes { id } } "
        "b: administrations(first: 100) { nodes { connection { id } } } "
        'c: documents(administrationId: "x", first: 100) { nodes { id } } }',
        {},
        "BAD_USER_INPUT",
    ),
    ("{ offeredAdministrations { totalCount } }", {}, "FORBIDDEN"),
]


@pytest.fixture
async def clerk_token(factory) -> str:
    """A user who may not see offers, so one request is refused as FORBIDDEN."""
    office = await factory.environment()
    return await factory.token(await factory.user(office, role=Role.USER))


def codes(errors: list[dict[str, Any]]) -> list[str | None]:
    return [(error.get("extensions") or {}).get("code") for error in errors]


@pytest.mark.parametrize(("query", "variables", "code"), REQUESTS)
async def test_every_error_over_http_names_its_code(server, clerk_token, query, variables, code):
    for accept in ("application/json", "application/graphql-response+json"):
        response = await server.client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {clerk_token}", "Accept": accept},
        )
        errors = response.json()["errors"]
        assert errors and all(codes(errors)), errors
        assert code in codes(errors), errors


async def test_the_requests_refused_before_graphql_name_their_code_too(server, clerk_token):
    anonymous = await server.graphql("{ viewer { tokenScope } }")
    assert codes(anonymous["errors"]) == ["UNAUTHENTICATED"]
    not_json = await server.client.post(
        "/graphql", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert codes(not_json.json()["errors"]) == ["BAD_REQUEST"]
    over_http = await server.graphql("subscription { overviewChanges { id } }", token=clerk_token)
    assert codes(over_http["errors"]) == ["SUBSCRIPTION_OVER_HTTP"]
    unknown_operation = await server.client.post(
        "/graphql",
        json={"query": "query A { __typename } query B { __typename }", "operationName": "C"},
        headers={"Authorization": f"Bearer {clerk_token}"},
    )
    errors = unknown_operation.json()["errors"]
    assert errors and all(codes(errors)), errors


def test_an_unexpected_error_is_masked_with_its_code():
    error = GraphQLError("boom", path=["viewer"], original_error=RuntimeError("secret"))
    assert should_mask_error(error)
    masked = MaskUnexpectedErrors(should_mask_error=should_mask_error).anonymise_error(error)
    assert masked.message == "Unexpected error."
    assert masked.extensions == {"code": "INTERNAL_SERVER_ERROR"}


async def test_every_error_over_the_websocket_names_its_code(server, clerk_token):
    socket, client = await connect(server.base_url, clerk_token)
    async with socket:
        assert (await client.receive())["type"] == "connection_ack"
        kinds = [
            ("{ viewer { tokenScope ", {}, "GRAPHQL_PARSE_FAILED"),
            ("{ viewer { noSuchField } }", {}, "GRAPHQL_VALIDATION_FAILED"),
            (
                "query($f: Int) { apiTokens(first: $f) { totalCount } }",
                {"f": "x"},
                "BAD_USER_INPUT",
            ),
            ("{ apiTokens(first: 101) { totalCount } }", {}, "BAD_USER_INPUT"),
            ("subscription { overviewChanges { id } }", {}, "FORBIDDEN"),
        ]
        for n, (query, variables, code) in enumerate(kinds):
            payload = {"query": query, "variables": variables}
            await client.send({"id": str(n), "type": "subscribe", "payload": payload})
            message = await client.receive()
            while message["type"] == "complete":
                message = await client.receive()
            assert message["id"] == str(n), message
            errors = (
                message["payload"] if message["type"] == "error" else message["payload"]["errors"]
            )
            assert errors and all(codes(errors)), message
            assert code in codes(errors), message
