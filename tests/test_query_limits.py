"""Query limits: depth, aliases, tokens, page size, and masked internal errors."""

from __future__ import annotations

import pytest
from graphql import GraphQLError

from api.errors import BadInputError, should_mask_error
from api.graphql import VALIDATION_CACHE_SIZE


@pytest.fixture
async def token(factory):
    env = await factory.environment()
    return await factory.token(await factory.user(env))


async def test_page_size_is_capped(server, token):
    body = await server.graphql("{ administrations(first: 101) { totalCount } }", token=token)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    ok = await server.graphql("{ administrations(first: 100) { totalCount } }", token=token)
    assert ok["data"]["administrations"]["totalCount"] == 0


async def test_negative_page_size_is_refused(server, token):
    body = await server.graphql("{ administrations(first: -1) { totalCount } }", token=token)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_forged_cursor_is_refused(server, token):
    body = await server.graphql(
        '{ administrations(after: "bm9wZQ==") { totalCount } }', token=token
    )
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_deep_queries_are_refused(server, token):
    deep = "{ viewer { user { environment { id " + "}" * 3 + " }"
    ok = await server.graphql(deep, token=token)
    assert "errors" not in ok
    too_deep = "query { " + "viewer { user { " * 8 + "email" + " } }" * 8 + " }"
    for _ in range(2):  # the second time too, although parsing and validation are cached
        body = await server.graphql(too_deep, token=token)
        assert "data" not in body  # refused before execution
        assert "exceeds maximum operation depth" in body["errors"][0]["message"]


async def test_a_repeated_document_is_validated_once(server, token):
    """The limits must not defeat the validation cache, the GraphQL path's biggest saving."""
    from strawberry.extensions.validation_cache import _get_validate_cache

    cache = _get_validate_cache(VALIDATION_CACHE_SIZE)
    query = "{ viewer { user { email } } }  # validated once"
    await server.graphql(query, token=token)
    before = cache.cache_info()
    for _ in range(3):
        body = await server.graphql(query, token=token)
        assert "errors" not in body
    after = cache.cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (3, 0)


async def test_too_many_aliases_are_refused(server, token):
    query = "{ " + " ".join(f"a{i}: viewer {{ tokenScope }}" for i in range(31)) + " }"
    body = await server.graphql(query, token=token)
    assert "data" not in body
    assert "aliases" in body["errors"][0]["message"]


async def test_huge_documents_are_refused(server, token):
    query = "{ viewer { " + " ".join(["tokenScope"] * 2100) + " } }"
    for _ in range(2):
        body = await server.graphql(query, token=token)
        assert "data" not in body
        assert "token" in body["errors"][0]["message"].lower()


def test_internal_errors_are_masked_but_public_ones_are_not():
    internal = GraphQLError("boom", original_error=RuntimeError("database password is hunter2"))
    public = GraphQLError("bad", original_error=BadInputError("bad"))
    validation = GraphQLError("Cannot query field 'x' on type 'Query'.")
    assert should_mask_error(internal)
    assert not should_mask_error(public)
    assert not should_mask_error(validation)
