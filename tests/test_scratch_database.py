"""Throwaway databases: made empty under a name of their own and gone afterwards, even on error."""

from __future__ import annotations

import asyncpg
import pytest

from overdracht.scratch_database import (
    asyncpg_dsn,
    connected,
    database_name,
    server_url,
    throwaway_database,
    with_database,
)


def test_urls_keep_the_server_the_user_and_the_options():
    url = "postgres://ovd:secret@db.example:6543/overdracht?sslmode=require"
    assert with_database(url, "other") == (
        "postgres://ovd:secret@db.example:6543/other?sslmode=require"
    )
    assert server_url(url) == "postgres://ovd:secret@db.example:6543/postgres?sslmode=require"
    assert database_name(url) == "overdracht"
    assert asyncpg_dsn("asyncpg://u@h/d") == "postgresql://u@h/d"


@pytest.mark.parametrize("name", ['x"; DROP DATABASE postgres; --', "", "1abc", "a" * 64])
def test_a_name_that_is_not_a_plain_identifier_is_refused(name: str):
    with pytest.raises(ValueError):
        with_database("postgres://u@h/postgres", name)


async def _exists(server: str, name: str) -> bool:
    async with connected(server) as admin:
        return await admin.fetchval("SELECT count(*) FROM pg_database WHERE datname = $1", name)


@pytest.mark.postgres
async def test_a_throwaway_database_is_new_empty_and_dropped_even_when_the_block_fails(
    empty_database: str,
):
    server = server_url(empty_database)
    with pytest.raises(RuntimeError):
        async with (
            throwaway_database(server, "overdracht_scratch") as first,
            throwaway_database(server, "overdracht_scratch") as second,
        ):
            assert first != second
            async with connected(first) as conn:
                tables = await conn.fetchval(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                )
            assert tables == 0
            assert await _exists(server, database_name(first))
            left_open = await asyncpg.connect(asyncpg_dsn(second))  # dropped WITH (FORCE)
            raise RuntimeError("the block fails")
    left_open.terminate()
    assert not await _exists(server, database_name(first))
    assert not await _exists(server, database_name(second))
