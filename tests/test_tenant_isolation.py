"""A user never sees anything of another environment, by any ID or path."""

from __future__ import annotations

import pytest

from api.ids import encode_global_id
from models.enums import Role
from tests.file_stores import both_file_stores


@pytest.fixture
async def two_offices(factory):
    """Office A with an administration and a document; office B with its own superuser."""
    env_a = await factory.environment(name="Kantoor A")
    user_a = await factory.user(env_a)
    conn_a = await factory.connection(env_a)
    adm_a = await factory.administration(conn_a, name="Geheim BV")
    doc_a = await factory.document(adm_a, uploaded_by=user_a)
    env_b = await factory.environment(name="Kantoor B")
    user_b = await factory.user(env_b)
    return {
        "a": await factory.token(user_a),
        "b": await factory.token(user_b),
        "user_a": user_a,
        "env_a": env_a,
        "conn_a": conn_a,
        "adm_a": adm_a,
        "doc_a": doc_a,
    }


NODE = "query($id: ID!) { node(id: $id) { id __typename } }"


@pytest.mark.parametrize(
    ("type_name", "key"),
    [
        ("Environment", "env_a"),
        ("User", "user_a"),
        ("AccountingConnection", "conn_a"),
        ("Administration", "adm_a"),
        ("Document", "doc_a"),
    ],
)
async def test_node_of_another_environment_is_null(server, two_offices, type_name, key):
    gid = encode_global_id(type_name, two_offices[key].pk)
    own = await server.graphql(NODE, {"id": gid}, token=two_offices["a"])
    assert own["data"]["node"] == {"id": gid, "__typename": type_name}
    other = await server.graphql(NODE, {"id": gid}, token=two_offices["b"])
    assert other == {"data": {"node": None}}


async def test_lists_show_only_own_environment(server, two_offices):
    query = """{ administrations { totalCount nodes { name } }
                 accountingConnections { totalCount } }"""
    own = await server.graphql(query, token=two_offices["a"])
    assert own["data"]["administrations"]["totalCount"] == 1
    other = await server.graphql(query, token=two_offices["b"])
    assert other["data"] == {
        "administrations": {"totalCount": 0, "nodes": []},
        "accountingConnections": {"totalCount": 0},
    }


async def test_filtering_by_a_foreign_connection_gives_nothing(server, two_offices):
    query = "query($c: ID!) { administrations(connectionId: $c) { totalCount } }"
    gid = encode_global_id("AccountingConnection", two_offices["conn_a"].pk)
    body = await server.graphql(query, {"c": gid}, token=two_offices["b"])
    assert body["data"]["administrations"]["totalCount"] == 0


async def test_documents_of_a_foreign_administration_are_null(server, two_offices):
    query = "query($a: ID!) { documents(administrationId: $a) { totalCount } }"
    gid = encode_global_id("Administration", two_offices["adm_a"].pk)
    own = await server.graphql(query, {"a": gid}, token=two_offices["a"])
    assert own["data"]["documents"]["totalCount"] == 1
    other = await server.graphql(query, {"a": gid}, token=two_offices["b"])
    assert other["data"] == {"documents": None}


@both_file_stores
async def test_file_download_only_for_the_owning_environment(server, two_offices, files):
    doc = two_offices["doc_a"]
    path = f"/documents/{doc.pk}/file"
    own = await server.client.get(path, headers={"Authorization": f"Bearer {two_offices['a']}"})
    assert own.status_code == 200
    assert own.headers["content-type"] == "application/pdf"
    assert own.content.startswith(b"%PDF-")
    assert len(own.content) == doc.size
    other = await server.client.get(path, headers={"Authorization": f"Bearer {two_offices['b']}"})
    assert other.status_code == 404
    assert doc.title.encode() not in other.content


async def test_file_download_requires_a_token(server, two_offices):
    response = await server.client.get(f"/documents/{two_offices['doc_a'].pk}/file")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHENTICATED"


async def test_every_role_in_the_environment_may_download(server, two_offices, factory):
    clerk = await factory.user(two_offices["env_a"], role=Role.USER)
    token = await factory.token(clerk)
    response = await server.client.get(
        f"/documents/{two_offices['doc_a'].pk}/file", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
