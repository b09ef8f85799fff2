"""Administrations: uniqueness of (code, name), the inbound address, search, paging, SQL cost."""

from __future__ import annotations

import pytest
from tortoise.exceptions import IntegrityError

from api.ids import encode_global_id
from models import Administration, DuplicateAdministrationError, inbound_mail_address
from models.enums import AccountingPackage, DocumentStatus

LIST = """
query($first: Int, $after: String, $search: String, $connectionId: ID) {
  administrations(first: $first, after: $after, search: $search, connectionId: $connectionId) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor }
    nodes { id code name inboundMailAddress documentCount connection { name package } }
  }
}"""


@pytest.fixture
async def office(factory):
    env = await factory.environment()
    token = await factory.token(await factory.user(env))
    conn = await factory.connection(env)
    return env, token, conn


async def test_code_and_name_are_unique_within_an_environment(factory, office):
    env, _, conn = office
    await factory.administration(conn, code="1001", name="Bakkerij")
    with pytest.raises(DuplicateAdministrationError):
        await factory.administration(conn, code="1001", name="Bakkerij")
    other_conn = await factory.connection(env, AccountingPackage.TWINFIELD)
    with pytest.raises(DuplicateAdministrationError):
        await factory.administration(other_conn, code="1001", name="Bakkerij")
    await factory.administration(conn, code="1001", name="Slagerij")


async def test_database_refuses_duplicate_code_and_name_even_past_the_check(factory, office):
    env, _, conn = office
    first = await factory.administration(conn, code="1001", name="Bakkerij")
    with pytest.raises(IntegrityError):
        await Administration.create(
            environment=env,
            connection=conn,
            code="1001",
            name="Bakkerij",
            inbound_mail_address=first.inbound_mail_address,
            created_at=first.created_at,
        )


async def test_same_code_and_name_may_exist_in_another_environment(factory, office):
    _, _, conn = office
    await factory.administration(conn, code="1001", name="Bakkerij")
    other_env = await factory.environment()
    await factory.administration(await factory.connection(other_env), code="1001", name="Bakkerij")
    assert await Administration.filter(code="1001", name="Bakkerij").count() == 2


async def test_inbound_address_is_derived_from_office_code_and_administration_code(
    server, factory, office, settings
):
    env, token, conn = office
    await factory.administration(conn, code="A-77", name="Klant")
    body = await server.graphql(LIST, token=token)
    [node] = body["data"]["administrations"]["nodes"]
    expected = f"{env.office_code}.A-77@{settings.inbound_mail_domain}".lower()
    assert node["inboundMailAddress"] == expected
    assert inbound_mail_address("K10234", "1001", "in.example") == "k10234.1001@in.example"


async def test_search_matches_code_or_name_case_insensitively(server, factory, office):
    _, token, conn = office
    await factory.administration(conn, code="1001", name="Bakkerij De Korst")
    await factory.administration(conn, code="2002", name="Slagerij")
    await factory.administration(conn, code="3100", name="Visboer")
    by_name = await server.graphql(LIST, {"search": "KORST"}, token=token)
    assert [n["code"] for n in by_name["data"]["administrations"]["nodes"]] == ["1001"]
    by_code = await server.graphql(LIST, {"search": "10"}, token=token)
    assert sorted(n["code"] for n in by_code["data"]["administrations"]["nodes"]) == [
        "1001",
        "3100",
    ]
    literal = await server.graphql(LIST, {"search": "%"}, token=token)
    assert literal["data"]["administrations"]["totalCount"] == 0


async def test_filter_by_connection(server, factory, office):
    env, token, conn = office
    twinfield = await factory.connection(env, AccountingPackage.TWINFIELD)
    await factory.administration(conn)
    await factory.administration(twinfield, name="Twin BV")
    body = await server.graphql(
        LIST, {"connectionId": encode_global_id("AccountingConnection", twinfield.pk)}, token=token
    )
    assert [n["name"] for n in body["data"]["administrations"]["nodes"]] == ["Twin BV"]
    assert body["data"]["administrations"]["nodes"][0]["connection"]["package"] == "TWINFIELD"


async def test_pages_follow_cursors_to_the_end(server, factory, office):
    _, token, conn = office
    for i in range(5):
        await factory.administration(conn, name=f"Klant {i}")
    seen: list[str] = []
    after = None
    while True:
        body = await server.graphql(LIST, {"first": 2, "after": after}, token=token)
        page = body["data"]["administrations"]
        assert page["totalCount"] == 5
        seen += [n["name"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [f"Klant {i}" for i in range(5)]


async def test_document_count_includes_the_booked_archive(server, factory, office):
    _, token, conn = office
    adm = await factory.administration(conn, documents=3)
    await factory.document(adm, status=DocumentStatus.APPROVED)
    body = await server.graphql(LIST, token=token)
    assert body["data"]["administrations"]["nodes"][0]["documentCount"] == 4


async def test_a_page_of_100_costs_as_many_statements_as_a_page_of_10(
    server, factory, office, count_queries
):
    env, token, conn = office
    other_conn = await factory.connection(env, AccountingPackage.XERO)
    for i in range(100):
        adm = await factory.administration(other_conn if i % 2 else conn, name=f"Klant {i:03d}")
        if i % 10 == 0:
            await factory.document(adm)
    costs = {}
    for size in (10, 100):
        count_queries.statements.clear()
        body = await server.graphql(LIST, {"first": size}, token=token)
        assert len(body["data"]["administrations"]["nodes"]) == size
        costs[size] = len(count_queries.statements)
    assert costs[10] == costs[100]
    assert costs[10] <= 5, count_queries.statements
