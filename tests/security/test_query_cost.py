"""The cost limit, counted in nodes before any SQL, and the caps on response size and time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import parse

from api.graphql import build_schema
from api.query_cost import query_cost
from models.enums import TokenScope
from overdracht.settings import Settings
from tests.live_server import start_server
from tests.scenarios import Scenario
from tests.subscriptions import connect

SCHEMA = build_schema(Settings())._schema
ROOT = Path(__file__).resolve().parents[2]
# The documentation: the README and the pages of docs/.
DOCUMENTATION = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

NESTED = (
    "nodes { migration { administrations(first: 100) { nodes { migration { "
    "auditTrail(first: 100) { nodes { action } edges { node { action } } } } } } } }"
)
# Like the request that once ran 133 s and grew the server to 4.9 GB: under every other limit.
ALIASES = (f"a{i}: offeredAdministrations(first: 100) {{ {NESTED} }}" for i in range(30))
COSTLY = "{ " + " ".join(ALIASES) + " }"


def cost(document: str, variables: dict | None = None) -> int:
    return query_cost(SCHEMA, parse(document), variables, default_first=100)


def test_nested_connections_multiply_and_siblings_add():
    assert cost("{ offeredAdministrations(first: 10) { totalCount } }") == 10
    audit = "migration { auditTrail(first: 5) { totalCount } }"
    nested = f"{{ offeredAdministrations(first: 10) {{ nodes {{ {audit} }} }} }}"
    assert cost(nested) == 10 + 10 * 5
    both = (
        f"{{ offeredAdministrations(first: 10) {{ nodes {{ {audit} }} "
        f"edges {{ node {{ {audit} }} }} }} }}"
    )
    assert cost(both) == 10 + 2 * 10 * 5


def test_aliases_fragments_and_variables_are_counted():
    one = "offeredAdministrations(first: 10) { totalCount }"
    assert cost("{ a: " + one + " b: " + one + " }") == 20
    fragment = """
      query { ...lists ...lists }
      fragment lists on Query { administrations(first: $n) { totalCount } }
    """.replace("query {", "query($n: Int) {")
    assert cost(fragment, {"n": 7}) == 14
    assert cost("query($n: Int) { administrations(first: $n) { totalCount } }", {"n": 30}) == 30


def test_a_missing_or_oversized_first_counts_as_the_page_cap():
    assert cost("{ administrations { totalCount } }") == 100
    assert cost("{ administrations(first: 5000) { totalCount } }") == 100
    assert cost("query($n: Int) { administrations(first: $n) { totalCount } }", {}) == 100


def test_the_costly_query_is_far_above_the_budget():
    assert len(COSTLY) < 6_000
    assert cost(COSTLY) > 1_000_000


@pytest.mark.parametrize("scope", [TokenScope.FULL, TokenScope.READ_ONLY])
async def test_the_costly_query_is_refused_before_any_sql(
    scenario: Scenario, factory, count_queries, scope
):
    await scenario.offer()
    token = await factory.token(scenario.superuser, scope=scope)
    count_queries.statements.clear()
    body = await scenario.graphql(COSTLY, None, token)
    assert count_queries.statements == []
    assert "data" not in body  # refused before execution
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["budget"] == 10_000
    assert error["extensions"]["cost"] == cost(COSTLY)
    assert f"{cost(COSTLY):,}" in error["message"]


async def test_a_query_under_the_budget_still_runs(scenario: Scenario):
    await scenario.offer()
    body = await scenario.graphql(
        "{ offeredAdministrations(first: 50) { nodes { migration { auditTrail(first: 100) "
        "{ totalCount } } } } }",
        None,
        scenario.token,
    )
    assert "errors" not in body
    assert len(body["data"]["offeredAdministrations"]["nodes"]) == 2


def documented_examples() -> list[str]:
    """Every GraphQL document the documentation shows, in graphql blocks and in JSON messages."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in DOCUMENTATION)
    blocks = re.findall(r"```graphql\n(.*?)```", text, flags=re.S)
    inline = re.findall(r'"query":\s*\n?\s*"((?:subscription|query|\{)[^"]*)"', text)
    return blocks + inline


def test_every_documented_example_is_under_the_budget():
    examples = documented_examples()
    assert len(examples) >= 20
    for example in examples:
        assert cost(example) <= Settings().max_query_cost, example


async def test_a_response_above_the_size_limit_is_refused(settings, clock, files, factory):
    environment = await factory.environment()
    token = await factory.token(await factory.user(environment))
    connection = await factory.connection(environment)
    for _ in range(30):
        await factory.administration(connection)
    small = settings.with_overrides(max_response_bytes=2048)
    async with start_server(small, clock, files) as server:
        body = await server.graphql(
            "{ administrations(first: 100) { nodes { id code name inboundMailAddress } } }",
            token=token,
        )
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "RESPONSE_TOO_LARGE"
        assert body["errors"][0]["extensions"]["limit"] == 2048
        fits = await server.graphql("{ viewer { tokenScope } }", token=token)
        assert fits["data"]["viewer"]["tokenScope"] == "FULL"


async def test_a_request_past_the_time_limit_is_stopped(settings, clock, files, factory):
    environment = await factory.environment()
    token = await factory.token(await factory.user(environment))
    hurried = settings.with_overrides(request_timeout_seconds=0)
    async with start_server(hurried, clock, files) as server:
        body = await server.graphql("{ administrations { totalCount } }", token=token)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
    async with start_server(settings, clock, files) as server:
        body = await server.graphql("{ administrations { totalCount } }", token=token)
        assert body["data"]["administrations"]["totalCount"] == 0


async def test_the_time_limit_is_the_http_requests_and_spares_the_websocket(
    settings, clock, files, factory
):
    """A subscription lives as long as its socket: the limit that stops a request spares it."""
    environment = await factory.environment()
    token = await factory.token(await factory.user(environment))
    hurried = settings.with_overrides(request_timeout_seconds=0)
    async with start_server(hurried, clock, files) as server:
        socket, client = await connect(server.base_url, token)
        try:
            assert (await client.receive())["type"] == "connection_ack"
            query = {"query": "{ administrations { totalCount } }"}
            await client.send({"id": "1", "type": "subscribe", "payload": query})
            answer = await client.receive()
        finally:
            await socket.close()
    assert answer["type"] == "next", answer
    assert answer["payload"]["data"]["administrations"]["totalCount"] == 0
