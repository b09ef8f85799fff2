"""Every bad input gets a 4xx or a clean GraphQL error with its code, never a 500.

Malformed and out-of-range IDs and cursors, strings no database can store, JSON nested deep
enough to crash a recursive parser, bodies and query strings above the limit, and file
names that HTTP headers cannot carry as they are.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote, unquote

import httpx
import pytest

from models.enums import AccountingPackage, Plan, Role
from models.terms import VERSION as TERMS_VERSION
from overdracht.settings import load_settings
from tests.live_server import LiveServer, start_server
from tests.scenarios import gid

UNEXPECTED = "Unexpected error."

# Node IDs no row can have: beyond the 32-bit integer keys, beyond documents' 64-bit keys,
# and digits that str.isdigit accepts but are not ASCII 0-9.
HOSTILE_NUMBERS = ["99999999999999999999", "2147483648", "9" * 5000, "²", "١٢٣", "-1", "1e3", ""]


def forged(type_name: str, number: str) -> str:
    """A global ID of a real type around a number no row has."""
    return base64.b64encode(f"{type_name}:{number}".encode()).decode()


def cursor(label: Any, values: Any) -> str:
    """A cursor in the service's own format around any label and values."""
    return base64.urlsafe_b64encode(json.dumps([label, values]).encode()).decode()


# The order of `administrations` (and of the offer checklist): name, code, id.
BY_NAME = "name,code,id"


async def post_json(
    server: LiveServer, payload: dict[str, Any], token: str | None = None
) -> httpx.Response:
    """POST a body as any JSON client writes it: lone surrogates as \\ud800 escapes."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return await server.client.post("/graphql", content=json.dumps(payload), headers=headers)


def error_codes(body: dict[str, Any]) -> list[str | None]:
    """The codes of a response's top-level errors; none may be an unexpected error."""
    errors = body.get("errors") or []
    assert all(error["message"] != UNEXPECTED for error in errors), body
    return [(error.get("extensions") or {}).get("code") for error in errors]


@pytest.fixture
async def office(factory) -> dict[str, Any]:
    """One office with a superuser, a connection, an administration and one document."""
    env = await factory.environment(plan=Plan.STANDARD)
    superuser = await factory.user(env, role=Role.SUPERUSER)
    connection = await factory.connection(env, AccountingPackage.EXACT_ONLINE)
    administration = await factory.administration(connection)
    document = await factory.document(administration)
    return {
        "token": await factory.token(superuser),
        "connection": connection,
        "administration": administration,
        "document": document,
    }


# --- IDs in paths and in GraphQL ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "99999999999999999999",
        "9223372036854775808",
        "%C2%B2",
        "%D9%A1",
        "-1",
        "1e3",
        "0x1",
        "9" * 400,
    ],
)
async def test_a_path_id_that_no_document_can_have_is_404(server, office, raw):
    response = await server.client.get(
        f"/documents/{raw}/file", headers={"Authorization": f"Bearer {office['token']}"}
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize("number", HOSTILE_NUMBERS)
@pytest.mark.parametrize(
    "type_name", ["Administration", "Document", "Migration", "ApiToken", "Environment", "User"]
)
async def test_node_of_an_id_no_row_can_have_is_null(server, office, type_name, number):
    body = await server.graphql(
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": forged(type_name, number)},
        token=office["token"],
    )
    assert body == {"data": {"node": None}}


@pytest.mark.parametrize("number", HOSTILE_NUMBERS)
async def test_migration_of_an_id_no_row_can_have_is_null(server, office, number):
    body = await server.graphql(
        "query($id: ID!) { migration(id: $id) { id } }",
        {"id": forged("Migration", number)},
        token=office["token"],
    )
    assert body == {"data": {"migration": None}}


@pytest.mark.parametrize("number", HOSTILE_NUMBERS)
async def test_documents_of_a_malformed_administration_id_is_bad_user_input(server, office, number):
    body = await server.graphql(
        "query($id: ID!) { documents(administrationId: $id) { totalCount } }",
        {"id": forged("Administration", number)},
        token=office["token"],
    )
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["data"] == {"documents": None}


@pytest.mark.parametrize("number", HOSTILE_NUMBERS)
async def test_a_malformed_connection_id_is_bad_user_input(server, office, number):
    for query in (
        "query($id: ID) { administrations(connectionId: $id) { totalCount } }",
        "query($id: ID!) { offerChecklist(connectionId: $id) { totalCount } }",
    ):
        body = await server.graphql(
            query, {"id": forged("AccountingConnection", number)}, token=office["token"]
        )
        assert error_codes(body) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("number", ["99999999999999999999", "2147483648", "²", "-1"])
async def test_mutations_refuse_ids_no_row_can_have_as_not_found(server, office, number):
    cases = [
        (
            "mutation($id: ID!) { revokeApiToken(input: {tokenId: $id}) "
            "{ userErrors { code field } } }",
            "ApiToken",
        ),
        (
            "mutation($id: ID!) { withdrawMigration(input: {migrationId: $id}) "
            "{ userErrors { code field } } }",
            "Migration",
        ),
        (
            "mutation($id: ID!) { retryMigration(input: {migrationAdministrationId: $id}) "
            "{ userErrors { code field } } }",
            "MigrationAdministration",
        ),
        (
            "mutation($id: ID!) { offerMigration(input: {administrationIds: [$id], "
            'recipients: ["eva@bosman.example"], acknowledgeUsersDoNotMove: true, '
            f'acceptTerms: true, termsVersion: "{TERMS_VERSION}"}}) '
            "{ userErrors { code field } } }",
            "Administration",
        ),
    ]
    for query, type_name in cases:
        body = await server.graphql(query, {"id": forged(type_name, number)}, token=office["token"])
        assert error_codes(body) == [], body
        payload = next(iter(body["data"].values()))
        assert "NOT_FOUND" in [e["code"] for e in payload["userErrors"]], body


@pytest.mark.parametrize(
    "after",
    [
        cursor(BY_NAME, ["a", "b", 2**31]),  # beyond the id column's integers
        cursor(BY_NAME, ["a", "b", "1"]),  # an id that is no number
        cursor(BY_NAME, ["a", "b", True]),
        cursor(BY_NAME, ["a", "b", 1.5]),
        cursor(BY_NAME, ["a", "b"]),  # a value short
        cursor(BY_NAME, ["a", "b", 1, 2]),
        cursor("-created_at,-id", ["2026-01-01T00:00:00+00:00", 1]),  # another list's order
        cursor(BY_NAME, ["a\x00", "b", 1]),  # text no database stores
        cursor(BY_NAME, ["\ud800", "b", 1]),
        cursor(BY_NAME, ["x" * 5000, "b", 1]),
        cursor(BY_NAME, {"name": "a"}),
        cursor(["name"], ["a", "b", 1]),
        base64.urlsafe_b64encode(b"offset:19").decode(),  # the offsets of before
        base64.b64encode(b"\xb2\xb2").decode(),
        "not base64 at all",
    ],
)
async def test_a_cursor_we_did_not_hand_out_is_bad_user_input(server, office, after):
    for query in (
        "query($after: String) { administrations(after: $after) { totalCount } }",
        "query($after: String) { offerChecklist(connectionId: $c, after: $after) { totalCount } }",
    ):
        if "$c" in query:
            query = query.replace("query($after: String)", "query($after: String, $c: ID!)")
        variables = {"after": after, "c": gid("AccountingConnection", office["connection"])}
        body = await server.graphql(query, variables, token=office["token"])
        assert error_codes(body) == ["BAD_USER_INPUT"], (after, body)


@pytest.mark.parametrize(
    ("query", "after"),
    [
        (
            "query($after: String) { apiTokens(after: $after) { totalCount nodes { id } } }",
            cursor("-created_at,-id", ["2026-01-01T00:00:00", 1]),  # a moment without its zone
        ),
        (
            "query($after: String) { apiTokens(after: $after) { totalCount nodes { id } } }",
            cursor("-created_at,-id", ["the first of May", 1]),
        ),
    ],
)
async def test_a_cursor_with_a_moment_that_is_none_is_bad_user_input(server, office, query, after):
    body = await server.graphql(query, {"after": after}, token=office["token"])
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_the_furthest_cursor_the_databases_accept_gives_an_empty_page(server, office):
    body = await server.graphql(
        "query($after: String) { administrations(after: $after) { totalCount nodes { id } } }",
        {"after": cursor(BY_NAME, ["\uffff" * 200, "\uffff", 2**31 - 1])},
        token=office["token"],
    )
    assert body == {"data": {"administrations": {"totalCount": 1, "nodes": []}}}
    body = await server.graphql(
        "query($after: String) { apiTokens(after: $after) { totalCount nodes { id } } }",
        {"after": cursor("-created_at,-id", ["0001-01-01T00:00:00+00:00", -(2**31)])},
        token=office["token"],
    )
    assert body == {"data": {"apiTokens": {"totalCount": 1, "nodes": []}}}
    body = await server.graphql(
        "query($a: ID!, $after: String) { documents(administrationId: $a, after: $after) "
        "{ totalCount nodes { id } } }",
        {
            "a": gid("Administration", office["administration"]),
            "after": cursor("-created_at,-id", ["0001-01-01T00:00:00+00:00", -(2**63)]),
        },
        token=office["token"],
    )
    assert body == {"data": {"documents": {"totalCount": 1, "nodes": []}}}


# --- strings that cannot be stored --------------------------------------------------------------

UNSTORABLE = ["a\x00b", "\x00", "\ud800", "x\udfffy"]


@pytest.mark.parametrize("text", UNSTORABLE)
@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        (
            "query($s: String) { administrations(search: $s) { totalCount } }",
            lambda t: {"s": t},
            ["s"],
        ),
        (
            "query($s: String) { offeredAdministrations(search: $s) { totalCount } }",
            lambda t: {"s": t},
            ["s"],
        ),
        (
            "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }",
            lambda t: {"input": {"label": t}},
            ["input", "label"],
        ),
        (
            "mutation($input: RejectMigrationInput!) { rejectMigration(input: $input) "
            "{ userErrors { code } } }",
            lambda t: {
                "input": {"transferCode": "ABCD", "migrationAdministrationIds": ["x"], "reason": t}
            },
            ["input", "reason"],
        ),
        (
            "mutation($input: OfferMigrationInput!) { offerMigration(input: $input) "
            "{ userErrors { code } } }",
            lambda t: {
                "input": {
                    "administrationIds": [],
                    "recipients": ["eva@bosman.example", t],
                    "acknowledgeUsersDoNotMove": True,
                    "acceptTerms": True,
                    "termsVersion": TERMS_VERSION,
                }
            },
            ["input", "recipients", "1"],
        ),
    ],
)
async def test_unstorable_text_in_variables_is_refused_at_its_path(
    server, office, text, query, variables, field
):
    response = await post_json(
        server, {"query": query, "variables": variables(text)}, token=office["token"]
    )
    body = response.json()
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == field
    assert "data" not in body  # refused before execution


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ('{ administrations(search: "a\\u0000b") { totalCount } }', ["search"]),
        ('mutation { createApiToken(input: {label: "\\u0000"}) { secret } }', ["input", "label"]),
        (
            'query($s: String = "x\\u0000") { administrations(search: $s) { totalCount } }',
            ["s"],
        ),
    ],
)
async def test_unstorable_text_in_literals_is_refused_at_its_argument(server, office, query, field):
    body = await server.graphql(query, token=office["token"])
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == field


async def test_a_lone_surrogate_in_a_literal_is_a_syntax_error(server, office):
    response = await post_json(
        server,
        {"query": '{ administrations(search: "a\ud800") { totalCount } }'},
        token=office["token"],
    )
    body = response.json()
    assert response.status_code == 200
    assert "data" not in body
    assert "Syntax Error" in body["errors"][0]["message"]


async def test_unstorable_text_is_refused_before_the_token_is_looked_up(server):
    response = await post_json(
        server,
        {
            "query": "query($s: String) { administrations(search: $s) { totalCount } }",
            "variables": {"s": "\x00"},
        },
    )
    assert error_codes(response.json()) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "field", ["administrations", "offeredAdministrations", "receivableAdministrations"]
)
async def test_a_search_longer_than_any_field_is_bad_user_input(server, office, factory, field):
    # With a row to compare, SQLite refused patterns above 50,000 bytes as "too complex".
    await factory.administration(office["connection"])
    query = f"query($s: String) {{ {field}(search: $s) {{ totalCount }} }}"
    body = await server.graphql(query, {"s": "x" * 60_000}, token=office["token"])
    assert error_codes(body) == ["BAD_USER_INPUT"]
    body = await server.graphql(query, {"s": "  " + "x" * 500 + "  "}, token=office["token"])
    assert error_codes(body) == []


async def test_text_with_ordinary_unicode_is_accepted(server, office):
    response = await post_json(
        server,
        {
            "query": "query($s: String) { administrations(search: $s) { totalCount } }",
            "variables": {"s": "Café 😀 ü"},
        },
        token=office["token"],
    )
    assert response.json() == {"data": {"administrations": {"totalCount": 0}}}


# --- the body itself ---------------------------------------------------------------------------


async def test_deeply_nested_json_is_refused_with_400_without_a_token(server):
    response = await server.client.post(
        "/graphql",
        content=b"[" * 100_000 + b"]" * 100_000,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "deeper" in response.text


async def test_deeply_nested_variables_are_refused_with_400(server, office):
    nested: Any = "x"
    for _ in range(200):
        nested = [nested]
    payload = {"query": "query($s: String) { viewer { tokenScope } }", "variables": {"s": nested}}
    response = await post_json(server, payload, token=office["token"])
    assert response.status_code == 400
    response = await server.client.get(
        "/graphql",
        params={"query": payload["query"], "variables": json.dumps(payload["variables"])},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400


async def test_nesting_within_the_limit_is_read_as_usual(server, office):
    payload = {
        "query": "{ viewer { tokenScope } }",
        "variables": {"unused": [[[[[[[[[[{"a": [1]}]]]]]]]]]]},
    }
    response = await post_json(server, payload, token=office["token"])
    assert response.json() == {"data": {"viewer": {"tokenScope": "FULL"}}}


async def test_a_body_that_is_not_utf8_is_refused_with_400(server):
    response = await server.client.post(
        "/graphql",
        content=b'{"query": "{ viewer { tokenScope } }", "x": "\xff\xfe"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize("body", [b'"{ viewer { tokenScope } }"', b"5", b"true", b"null"])
async def test_a_body_that_is_not_a_json_object_is_refused_with_400(server, body):
    response = await server.client.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("operation_name", [{"obj": "ect"}, ["Query"], 0, False])
async def test_an_operation_name_that_is_not_a_string_is_refused_with_400(server, operation_name):
    payload = {"query": "query Query { __typename }", "operationName": operation_name}
    response = await post_json(server, payload)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_get_variables_sent_as_json_null_count_as_absent(server, office):
    response = await server.client.get(
        "/graphql",
        params={"query": "{ viewer { tokenScope } }", "variables": "null", "extensions": "null"},
        headers={"Accept": "application/json", "Authorization": f"Bearer {office['token']}"},
    )
    assert response.json() == {"data": {"viewer": {"tokenScope": "FULL"}}}
    refused = await server.client.get(
        "/graphql", params={"query": "{ __typename }", "variables": "5"}
    )
    assert refused.status_code == 400


async def test_a_json_number_with_more_digits_than_python_reads_is_refused_with_400(server):
    response = await server.client.post(
        "/graphql",
        content=b'{"query": "query($f: Int) { apiTokens(first: $f) { totalCount } }", '
        b'"variables": {"f": 1' + b"0" * 5000 + b"}}",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "{ apiTokens(first: 1" + "0" * 5000 + ") { totalCount } }",
        "{ apiTokens(first: -" + "9" * 5000 + ") { totalCount } }",
        "{ node(id: 1" + "0" * 5000 + ") { id } }",
        "query($f: Int = 1" + "0" * 5000 + ") { apiTokens(first: $f) { totalCount } }",
    ],
)
async def test_an_integer_literal_too_long_to_read_is_bad_user_input(server, office, query):
    body = await server.graphql(query, token=office["token"])
    assert error_codes(body) == ["BAD_USER_INPUT"]


def _too_large(response: httpx.Response, status: int = 413) -> bool:
    body = response.json()
    code = {413: "REQUEST_TOO_LARGE", 414: "URI_TOO_LONG"}[status]
    return response.status_code == status and body["errors"][0]["extensions"]["code"] == code


async def test_a_body_above_the_default_limit_gets_413(server, office):
    search = "x" * (load_settings({}).max_request_bytes + 1)
    payload = {
        "query": "query($s: String) { administrations(search: $s) { totalCount } }",
        "variables": {"s": search},
    }
    response = await post_json(server, payload, token=office["token"])
    assert _too_large(response)


async def test_a_chunked_body_above_the_limit_gets_413(server, office):
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield b" " * 65_536

    response = await server.client.post(
        "/graphql", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert _too_large(response)


async def test_a_client_that_sends_more_than_it_declared_gets_no_5xx(server):
    host, port = server.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    body = b'{"query": "{ viewer { tokenScope } }"}' + b" " * 2_000_000
    writer.write(
        b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 40\r\n\r\n" + body
    )
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    status = int(status_line.split()[1])
    assert 400 <= status < 500
    assert (await server.client.get("/healthz")).status_code == 200


@pytest.fixture
async def small_limit_server(settings, clock, files) -> AsyncIterator[LiveServer]:
    """The service with a request limit of 4 KiB, to try limits without sending megabytes."""
    async with start_server(settings.with_overrides(max_request_bytes=4096), clock, files) as live:
        yield live


async def test_the_limit_is_the_configured_one(small_limit_server):
    payload = {"query": "{ viewer { tokenScope } }", "variables": {"s": "x" * 3000}}
    response = await post_json(small_limit_server, payload)
    assert response.status_code == 200  # under the limit: answered (here: no token)
    payload["variables"]["s"] = "x" * 5000
    assert _too_large(await post_json(small_limit_server, payload))


async def test_a_query_string_above_the_limit_gets_414(small_limit_server):
    response = await small_limit_server.client.get(
        "/graphql",
        params={"query": "{ viewer { tokenScope } }", "variables": json.dumps({"s": "x" * 5000})},
        headers={"Accept": "application/json"},
    )
    assert _too_large(response, 414)


def test_the_request_limit_is_read_from_the_environment():
    assert load_settings({}).max_request_bytes == 1_048_576
    assert load_settings({"OVERDRACHT_MAX_REQUEST_BYTES": "4096"}).max_request_bytes == 4096


# --- downloads ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "ascii_name"),
    [
        ("Factuur café 2026 \u2013 №1.pdf", "Factuur cafe 2026 _ No1.pdf"),
        ("发票.pdf", "__.pdf"),
        ('quote " and \\ backslash\r\nX-Evil: 1.pdf', "quote _ and _ backslash__X-Evil: 1.pdf"),
        ("plain.pdf", "plain.pdf"),
    ],
)
async def test_any_file_name_downloads_with_an_rfc_6266_header(
    server, office, file_name, ascii_name
):
    document = office["document"]
    document.file_name = file_name
    await document.save()
    response = await server.client.get(
        f"/documents/{document.pk}/file", headers={"Authorization": f"Bearer {office['token']}"}
    )
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"
    )
    encoded = response.headers["content-disposition"].split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == file_name
    assert "x-evil" not in response.headers


async def test_the_download_path_of_a_document_still_works(server, office):
    document = office["document"]
    body = await server.graphql(
        "query($id: ID!) { node(id: $id) { ... on Document { downloadPath } } }",
        {"id": gid("Document", document)},
        token=office["token"],
    )
    path = body["data"]["node"]["downloadPath"]
    response = await server.client.get(path, headers={"Authorization": f"Bearer {office['token']}"})
    assert response.status_code == 200
