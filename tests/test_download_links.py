"""`Document.downloadUrl`: a link that opens without the header, briefly, for its user only."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from api.ids import encode_global_id
from models import ApiToken, User
from models.enums import MigrationStatus, Plan, Role, TokenScope
from tests.file_stores import both_file_stores
from tests.scenarios import bring_to
from worker.mover import Mover

DOCUMENTS = """
query($a: ID!) {
  documents(administrationId: $a) { nodes { id sha256 downloadPath downloadUrl } }
}"""
NODE = "query($id: ID!) { node(id: $id) { ... on Document { downloadUrl } } }"
REVOKE = """
mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }
"""


@pytest.fixture
async def office(factory):
    """A superuser of an office with one administration of two documents, and a token."""
    env = await factory.environment(plan=Plan.STANDARD)
    user = await factory.user(env)
    connection = await factory.connection(env)
    administration = await factory.administration(connection, documents=2)
    secret = await factory.token(user)
    return {"env": env, "user": user, "administration": administration, "token": secret}


async def links(server, office, token: str | None = None) -> dict[str, dict]:
    """The documents of the office's administration as the token sees them, by sha256."""
    body = await server.graphql(
        DOCUMENTS,
        {"a": encode_global_id("Administration", office["administration"].pk)},
        token=token or office["token"],
    )
    assert "errors" not in body, body
    return {node["sha256"]: node for node in body["data"]["documents"]["nodes"]}


def problem(response) -> str:
    return response.json()["error"]["code"]


@both_file_stores
async def test_the_link_downloads_the_file_without_any_header(server, office):
    for sha256, node in (await links(server, office)).items():
        assert node["downloadUrl"].startswith(node["downloadPath"] + "/")
        response = await server.client.get(node["downloadUrl"])  # no Authorization header
        assert response.status_code == 200, response.text
        assert hashlib.sha256(response.content).hexdigest() == sha256
        assert response.headers["cache-control"] == "private, no-store"
        assert response.headers["content-disposition"].startswith("attachment;")


async def test_the_link_stops_opening_when_it_expires(server, office, clock, settings):
    url = next(iter((await links(server, office)).values()))["downloadUrl"]
    clock.advance(settings.download_link_lifetime - timedelta(seconds=1))
    assert (await server.client.get(url)).status_code == 200
    clock.advance(timedelta(seconds=1))
    expired = await server.client.get(url)
    assert expired.status_code == 403
    assert problem(expired) == "LINK_EXPIRED"
    fresh = next(iter((await links(server, office)).values()))["downloadUrl"]
    assert (await server.client.get(fresh)).status_code == 200


async def test_a_link_changed_in_any_part_opens_nothing(server, office, factory):
    first, second = (await links(server, office)).values()
    other_user = await factory.user(office["env"])
    await factory.token(other_user)
    other_token = await ApiToken.get(user_id=other_user.pk)
    url = first["downloadUrl"]
    prefix, grant = url.rsplit("/", 1)
    user_id, token_id, expires, signature = grant.split(".")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    own_document = second["downloadPath"]  # a document the same user may see, another link
    tampered = [
        f"{own_document}/{grant}",
        f"{prefix}/{other_user.pk}.{token_id}.{expires}.{signature}",
        f"{prefix}/{user_id}.{other_token.pk}.{expires}.{signature}",
        f"{prefix}/{user_id}.{token_id}.{int(expires) + 3600}.{signature}",
        f"{prefix}/{user_id}.{token_id}.{expires}.{flipped}",
        f"{prefix}/{user_id}.{token_id}.{expires}",
        f"{prefix}/{user_id}.{token_id}.-{expires}.{signature}",
    ]
    for link in tampered:
        response = await server.client.get(link)
        assert response.status_code == 404, link
        assert problem(response) == "NOT_FOUND"
    assert (await server.client.get(url)).status_code == 200  # the link as it was still opens


async def test_a_revoked_token_or_an_inactive_user_ends_the_link(server, office, factory):
    url = next(iter((await links(server, office)).values()))["downloadUrl"]
    token = await ApiToken.get(user_id=office["user"].pk)
    body = await server.graphql(
        REVOKE,
        {"input": {"tokenId": encode_global_id("ApiToken", token.pk)}},
        token=office["token"],
    )
    assert body["data"]["revokeApiToken"]["userErrors"] == [], body
    revoked = await server.client.get(url)
    assert revoked.status_code == 401
    assert problem(revoked) == "UNAUTHENTICATED"

    second_token = await factory.token(office["user"])
    url = next(iter((await links(server, office, second_token)).values()))["downloadUrl"]
    assert (await server.client.get(url)).status_code == 200
    await User.filter(pk=office["user"].pk).update(is_active=False)
    inactive = await server.client.get(url)
    assert inactive.status_code == 401


async def test_a_user_demoted_below_seeing_documents_can_no_longer_follow_it(server, office):
    url = next(iter((await links(server, office)).values()))["downloadUrl"]
    await User.filter(pk=office["user"].pk).update(role=Role.USER)  # still sees documents
    assert (await server.client.get(url)).status_code == 200
    await User.filter(pk=office["user"].pk).update(role=Role.AUTHORIZER)
    demoted = await server.client.get(url)
    assert demoted.status_code == 403
    assert problem(demoted) == "FORBIDDEN"


async def test_a_partner_token_gets_no_link_and_a_link_of_its_own_would_not_open(
    server, office, factory
):
    partner = await factory.token(office["user"], scope=TokenScope.READ_ONLY)
    document = next(iter((await links(server, office)).values()))
    body = await server.graphql(NODE, {"id": document["id"]}, token=partner)
    assert body["data"]["node"] is None
    refused = await server.graphql(
        DOCUMENTS,
        {"a": encode_global_id("Administration", office["administration"].pk)},
        token=partner,
    )
    assert refused["data"]["documents"] is None
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # Even signed by the service itself, a link for the read-only token opens nothing.
    token = await ApiToken.get(user_id=office["user"].pk, scope=TokenScope.READ_ONLY)
    document_id = int(document["downloadPath"].split("/")[2])
    link = server.app.state.downloads.link(document_id, token, server.app.state.clock.now())
    response = await server.client.get(link)
    assert response.status_code == 403
    assert problem(response) == "FORBIDDEN"


async def test_a_document_moved_to_another_office_no_longer_opens_for_the_source(
    scenario, settings, clock, files
):
    administration = scenario.ready[0]
    body = await scenario.graphql(
        DOCUMENTS, {"a": encode_global_id("Administration", administration.pk)}, scenario.token
    )
    urls = [node["downloadUrl"] for node in body["data"]["documents"]["nodes"]]
    assert (await scenario.server.client.get(urls[0])).status_code == 200
    engine = Mover(settings, clock, files)
    await bring_to(MigrationStatus.COMPLETED, scenario, engine, clock)
    for url in urls:
        moved = await scenario.server.client.get(url)
        assert moved.status_code == 404
        assert problem(moved) == "NOT_FOUND"
