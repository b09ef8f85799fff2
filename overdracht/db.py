"""The Tortoise configuration and schema migrations, shared by the service, the CLI and tests."""

from __future__ import annotations

import os
from typing import Any

from tortoise import Tortoise, connections
from tortoise.migrations.api import migrate

from overdracht.pool_repair import release_on_failed_begin
from overdracht.settings import load_settings

release_on_failed_begin()

MODEL_MODULES = ["models"]
MIGRATIONS_MODULE = "models.migrations"


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise config for one database URL; the only place models are registered."""
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://")
        if path and path != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    return {
        "connections": {"default": database_url},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "migrations": MIGRATIONS_MODULE,
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def migrate_database(database_url: str) -> None:
    """Bring the database schema up to date through the committed migrations."""
    await migrate(config=tortoise_config(database_url))


async def open_database(database_url: str) -> None:
    """Connect Tortoise for a command-line run or a worker process."""
    await Tortoise.init(config=tortoise_config(database_url))


async def database_answers() -> None:
    """One round trip to the database; raises when it does not answer."""
    await connections.get("default").execute_query("SELECT 1")


def is_postgres() -> bool:
    """Whether the database can lock rows (PostgreSQL); SQLite serialises writers instead."""
    dialect: str = connections.get("default").capabilities.dialect
    return dialect == "postgres"


async def close_database() -> None:
    """Close every connection Tortoise opened."""
    await Tortoise.close_connections()


def __getattr__(name: str) -> Any:
    """`TORTOISE_ORM`, for `tortoise -c overdracht.db.TORTOISE_ORM makemigrations`.

    Built from the settings when Tortoise's command asks for it, so importing this module
    reads no environment and creates no directory.
    """
    if name == "TORTOISE_ORM":
        return tortoise_config(load_settings().database_url)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
