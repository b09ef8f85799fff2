"""Tokens: missing, malformed, unknown, revoked, inactive users, and read-only scope."""

from __future__ import annotations

from api.ids import encode_global_id
from models import ApiToken, User
from models.enums import Role, TokenScope
from models.user import hash_token

VIEWER = "{ viewer { user { email role } environment { officeCode plan } tokenScope } }"
CREATE_TOKEN = """
mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    apiToken { id label scope } secret userErrors { code field message }
  }
}"""
REVOKE_TOKEN = """
mutation($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) { apiToken { id revokedAt } userErrors { code field } }
}"""


def error_codes(body: dict) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


async def test_valid_token_identifies_viewer_and_environment(server, factory):
    env = await factory.environment()
    user = await factory.user(env)
    token = await factory.token(user)
    body = await server.graphql(VIEWER, token=token)
    assert body["data"]["viewer"] == {
        "user": {"email": user.email, "role": "SUPERUSER"},
        "environment": {"officeCode": env.office_code, "plan": "PREMIUM"},
        "tokenScope": "FULL",
    }


async def test_missing_token_is_an_authentication_error(server, factory):
    body = await server.graphql(VIEWER)
    assert body["data"] == {"viewer": None}
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_malformed_header_is_an_authentication_error(server, factory):
    response = await server.client.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": "Token abc"}
    )
    assert error_codes(response.json()) == ["UNAUTHENTICATED"]


async def test_unknown_token_is_an_authentication_error(server, factory):
    body = await server.graphql(VIEWER, token="ovd_not_a_real_token")
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_tokens_are_stored_only_as_hash(factory):
    env = await factory.environment()
    secret = await factory.token(await factory.user(env))
    stored = await ApiToken.get()
    assert stored.token_hash == hash_token(secret)
    assert secret not in stored.token_hash


async def test_revoked_token_stops_working_at_once(server, factory):
    env = await factory.environment()
    token = await factory.token(await factory.user(env))
    listed = await server.graphql("{ apiTokens { totalCount nodes { id } } }", token=token)
    token_id = listed["data"]["apiTokens"]["nodes"][0]["id"]
    revoked = await server.graphql(REVOKE_TOKEN, {"input": {"tokenId": token_id}}, token=token)
    assert revoked["data"]["revokeApiToken"]["apiToken"]["revokedAt"] is not None
    assert error_codes(await server.graphql(VIEWER, token=token)) == ["UNAUTHENTICATED"]


async def test_token_of_inactive_user_is_refused(server, factory):
    env = await factory.environment()
    user = await factory.user(env)
    token = await factory.token(user)
    await User.filter(pk=user.pk).update(is_active=False)
    assert error_codes(await server.graphql(VIEWER, token=token)) == ["UNAUTHENTICATED"]


async def test_cannot_revoke_another_users_token(server, factory):
    env = await factory.environment()
    mine = await factory.token(await factory.user(env))
    other_user = await factory.user(env)
    await factory.token(other_user)
    other = await ApiToken.get(user_id=other_user.pk)

    body = await server.graphql(
        REVOKE_TOKEN, {"input": {"tokenId": encode_global_id("ApiToken", other.pk)}}, token=mine
    )
    assert body["data"]["revokeApiToken"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await ApiToken.get(pk=other.pk)).revoked_at is None


async def test_read_only_token_can_query_but_every_mutation_refuses_it(server, factory):
    env = await factory.environment()
    read_only = await factory.token(await factory.user(env), scope=TokenScope.READ_ONLY)
    body = await server.graphql(VIEWER, token=read_only)
    assert body["data"]["viewer"]["tokenScope"] == "READ_ONLY"
    refused = await server.graphql(
        CREATE_TOKEN, {"input": {"label": "sneaky", "scope": "FULL"}}, token=read_only
    )
    assert error_codes(refused) == ["FORBIDDEN"]
    assert await ApiToken.all().count() == 1


async def test_superuser_creates_read_only_token_shown_once(server, factory):
    env = await factory.environment()
    token = await factory.token(await factory.user(env))
    body = await server.graphql(CREATE_TOKEN, {"input": {"label": "Partner BI"}}, token=token)
    payload = body["data"]["createApiToken"]
    assert payload["userErrors"] == []
    assert payload["apiToken"]["scope"] == "READ_ONLY"
    partner = await server.graphql(VIEWER, token=payload["secret"])
    assert partner["data"]["viewer"]["tokenScope"] == "READ_ONLY"


async def test_ordinary_user_cannot_create_tokens(server, factory):
    env = await factory.environment()
    token = await factory.token(await factory.user(env, role=Role.USER))
    body = await server.graphql(CREATE_TOKEN, {"input": {"label": "x"}}, token=token)
    assert body["data"]["createApiToken"]["userErrors"][0]["code"] == "FORBIDDEN"


async def test_token_label_must_not_be_blank(server, factory):
    env = await factory.environment()
    token = await factory.token(await factory.user(env))
    body = await server.graphql(CREATE_TOKEN, {"input": {"label": "  "}}, token=token)
    [error] = body["data"]["createApiToken"]["userErrors"]
    assert (error["code"], error["field"]) == ("INVALID", ["input", "label"])
