"""Scratch databases for the tests, the benchmarks and the fuzz run: made empty, used, dropped.

The one place that creates and drops PostgreSQL databases and turns the project's database
URLs (postgres://, asyncpg://) into the ones asyncpg connects with. It knows no domain: it
stands on the ground floor with the database set-up it uses.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from overdracht.db import close_database, migrate_database, open_database

LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
"""The development machine's PostgreSQL (trust authentication), as `./dev test` expects it."""

_DATABASE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def asyncpg_dsn(database_url: str) -> str:
    """A project database URL in the form asyncpg connects with (postgresql://)."""
    return "postgresql://" + database_url.split("://", 1)[1]


def checked_name(name: str) -> str:
    """A database name safe to quote in SQL: letters, digits and _, at most 63 of them."""
    if not _DATABASE_NAME.fullmatch(name):
        raise ValueError(f"a database name must be letters, digits and _, got {name!r}")
    return name


def database_name(database_url: str) -> str:
    """The name of the database a URL points at."""
    return checked_name(urlsplit(database_url).path.lstrip("/"))


def with_database(server_url: str, name: str) -> str:
    """The URL of another database on the same server, as the same user with the same options."""
    return urlunsplit(urlsplit(server_url)._replace(path="/" + checked_name(name)))


def server_url(database_url: str) -> str:
    """The server's own database (postgres) beside a database, to create, drop and watch it from."""
    return with_database(database_url, "postgres")


@contextlib.asynccontextmanager
async def connected(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """One plain asyncpg connection for the block, for what the ORM does not do."""
    connection = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        yield connection
    finally:
        await connection.close()


async def fresh_database(server_url: str, name: str) -> str:
    """An empty database of that name on the server, whatever was there before; its URL."""
    async with connected(server_url) as connection:
        await connection.execute(f'DROP DATABASE IF EXISTS "{checked_name(name)}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    return with_database(server_url, name)


async def drop_database(server_url: str, name: str) -> None:
    """Drop the database if it is there, ending the sessions still connected to it."""
    async with connected(server_url) as connection:
        await connection.execute(f'DROP DATABASE IF EXISTS "{checked_name(name)}" WITH (FORCE)')


@contextlib.asynccontextmanager
async def throwaway_database(server_url: str, prefix: str) -> AsyncIterator[str]:
    """A new, uniquely named empty database for the block (its URL), dropped after it."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    url = await fresh_database(server_url, name)
    try:
        yield url
    finally:
        await drop_database(server_url, name)


async def open_migrated(database_url: str) -> None:
    """Bring a database's schema up to date, then connect Tortoise to it as its default."""
    await migrate_database(database_url)
    await close_database()
    await open_database(database_url)
