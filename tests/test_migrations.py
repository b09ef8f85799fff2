"""Schema migrations: the same tables and columns on SQLite and PostgreSQL, nothing pending."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tortoise.migrations.autodetector import MigrationAutodetector

from overdracht.db import tortoise_config
from overdracht.scratch_database import connected

ROOT = Path(__file__).resolve().parent.parent


def run_migrate(database_url: str) -> None:
    """Migrate a database the way an operator does: `overdracht migrate` in its own process."""
    env = {**os.environ, "OVERDRACHT_DATABASE_URL": database_url}
    subprocess.run(
        [sys.executable, "-m", "commands", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


def sqlite_columns(path: Path) -> dict[str, set[tuple[str, bool]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: {(col[1], not col[3]) for col in conn.execute(f'PRAGMA table_info("{table}")')}
            for table in tables
        }
    finally:
        conn.close()


async def postgres_columns(database_url: str) -> dict[str, set[tuple[str, bool]]]:
    async with connected(database_url) as conn:
        rows = await conn.fetch(
            "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
            "WHERE table_schema = 'public'"
        )
    result: dict[str, set[tuple[str, bool]]] = {}
    for row in rows:
        result.setdefault(row["table_name"], set()).add(
            (row["column_name"], row["is_nullable"] == "YES")
        )
    return result


@pytest.mark.postgres
async def test_migrations_build_the_same_schema_on_sqlite_and_postgres(tmp_path, empty_database):
    sqlite_path = tmp_path / "schema.sqlite3"
    run_migrate(f"sqlite://{sqlite_path}")
    run_migrate(empty_database)
    on_postgres = await postgres_columns(empty_database)
    on_sqlite = sqlite_columns(sqlite_path)
    assert "administration" in on_sqlite
    assert on_sqlite == on_postgres


async def test_migrating_twice_changes_nothing(tmp_path):
    path = tmp_path / "twice.sqlite3"
    run_migrate(f"sqlite://{path}")
    before = sqlite_columns(path)
    run_migrate(f"sqlite://{path}")
    assert sqlite_columns(path) == before


async def test_models_have_no_changes_missing_from_the_migrations(db):
    from tortoise import Tortoise

    config = tortoise_config(db)
    detector = MigrationAutodetector(Tortoise.apps, config["apps"])
    writers = await detector.changes()
    assert [w.name for w in writers] == []


UPGRADE_FROM = "models.0005_lifecycle"


def migrate_to(database_url: str, target: str) -> None:
    """Migrate a database up to one named migration, as an installation of that release was."""
    code = (
        "import asyncio, sys\n"
        "from tortoise import Tortoise\n"
        "from tortoise.migrations.api import migrate\n"
        "from overdracht.db import tortoise_config\n"
        "async def main():\n"
        "    try:\n"
        "        await migrate(config=tortoise_config(sys.argv[1]), target=sys.argv[2])\n"
        "    finally:\n"
        "        await Tortoise.close_connections()\n"
        "asyncio.run(main())\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, database_url, target],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )


OLD_ROWS = [
    'INSERT INTO outbox_mail (kind, message_id, sender, "to", cc, subject, text_body, html_body,'
    " language, status, attempts, next_attempt_at, last_error, created_at) VALUES ('OFFER',"
    " '<old@x>', 'a@x', '[\"b@x\"]', '[]', 's', 't', 'h', 'NL', 'SENT', 1,"
    " '2026-11-01 10:00:00+00:00', '', '2026-11-01 10:00:00+00:00')",
    "INSERT INTO audit_event (action, actor_name, at, detail) VALUES ('EXPIRED', '',"
    " '2026-11-01 10:00:00+00:00', '{}')",
    "INSERT INTO environment (id, office_code, name, plan, created_at) VALUES (1, 'K1', 'Old',"
    " 'STANDARD', '2026-11-01 10:00:00+00:00')",
    "INSERT INTO accounting_connection (id, package, name, created_at, environment_id) VALUES"
    " (1, 'EXACT_ONLINE', 'Exact', '2026-11-01 10:00:00+00:00', 1)",
    "INSERT INTO administration (id, code, name, inbound_mail_address, created_at,"
    " connection_id, environment_id) VALUES (1, '1001', 'Old BV', 'k1.1001@x.example',"
    " '2026-11-01 10:00:00+00:00', 1, 1)",
    "INSERT INTO document (kind, status, title, file_name, content_type, size, sha256,"
    " storage_key, metadata, history, uploaded_by_name, approved_by_name, created_at,"
    " administration_id) VALUES ('OTHER', 'BOOKED', 'Old', 'old.pdf', 'application/pdf', 3,"
    f" '{'a' * 64}', '{'a' * 64}', '{{}}', '[]', '', '', '2026-11-01 10:00:00+00:00', 1)",
]


async def upgrade_with_rows(url: str, execute) -> None:
    migrate_to(url, UPGRADE_FROM)
    for statement in OLD_ROWS:
        await execute(statement)
    run_migrate(url)


async def test_an_installation_with_mail_audit_and_document_rows_upgrades(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = f"sqlite://{path}"

    async def execute(statement: str) -> None:
        with sqlite3.connect(path) as conn:
            conn.execute(statement)

    await upgrade_with_rows(url, execute)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT deliveries FROM outbox_mail").fetchall() == [(None,)]
        assert conn.execute("SELECT actor_name FROM audit_event").fetchall() == [("Overdracht",)]
        assert conn.execute("SELECT md5 FROM document").fetchall() == [(None,)], "unknown"


@pytest.mark.postgres
async def test_an_installation_with_mail_audit_and_document_rows_upgrades_on_postgres(
    empty_database,
):
    async def execute(statement: str) -> None:
        async with connected(empty_database) as conn:
            await conn.execute(statement)

    await upgrade_with_rows(empty_database, execute)
    async with connected(empty_database) as conn:
        assert await conn.fetchval("SELECT deliveries FROM outbox_mail") is None
        assert await conn.fetchval("SELECT actor_name FROM audit_event") == "Overdracht"
        assert await conn.fetchval("SELECT md5 FROM document") is None, "unknown"
