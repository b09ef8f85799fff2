"""The offered overview without GraphQL or ORM: the floor the real endpoint is measured against.

It authenticates the bearer token and runs the very SQL statements the `offeredAdministrations`
resolver issues through Tortoise (captured from the `tortoise.db_client` debug log), straight on
an asyncpg pool of the same size, and answers with the same JSON the GraphQL endpoint gives.
Only a plain word search is supported; a term that would also match a status or a date is refused.

Serve it with `uvicorn benchmarks.plain_offered_handler:create_app --factory`, with
OVERDRACHT_DATABASE_URL pointing at a PostgreSQL database.
"""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from models.enums import MigrationStatus, Role
from models.transfer_code import (
    format_transfer_code,
    may_be_part_of_a_code,
    normalize_transfer_code,
)
from models.user import hash_token
from overdracht.clock import SystemClock
from overdracht.scratch_database import asyncpg_dsn
from overdracht.settings import load_settings

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Tortoise's asyncpg pool: min 1, max 5 connections.
POOL_MIN_SIZE = 1
POOL_MAX_SIZE = 5
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

TOKEN_SQL = (
    'SELECT "api_token"."id","api_token"."scope","api_token"."user_id","api_token"."created_at",'
    '"api_token"."revoked_at","api_token"."expires_at","api_token"."label","api_token"."token_hash",'
    '"api_token__user"."id" "api_token__user.id","api_token__user"."role" "api_token__user.role",'
    '"api_token__user"."environment_id" "api_token__user.environment_id",'
    '"api_token__user"."created_at" "api_token__user.created_at",'
    '"api_token__user"."display_name" "api_token__user.display_name",'
    '"api_token__user"."email" "api_token__user.email",'
    '"api_token__user"."is_active" "api_token__user.is_active",'
    '"api_token__user__environment"."id" "api_token__user__environment.id",'
    '"api_token__user__environment"."office_code" "api_token__user__environment.office_code",'
    '"api_token__user__environment"."name" "api_token__user__environment.name",'
    '"api_token__user__environment"."created_at" "api_token__user__environment.created_at",'
    '"api_token__user__environment"."plan" "api_token__user__environment.plan" '
    'FROM "api_token" LEFT OUTER JOIN "user_account" "api_token__user" '
    'ON "api_token__user"."id"="api_token"."user_id" '
    'LEFT OUTER JOIN "environment" "api_token__user__environment" '
    'ON "api_token__user__environment"."id"="api_token__user"."environment_id" '
    'WHERE ("api_token"."expires_at" IS NULL OR "api_token"."expires_at">$1) '
    'AND "api_token"."revoked_at" IS NULL AND "api_token"."token_hash"=$2 LIMIT $3'
)

_FROM = (
    'FROM "migration_item" LEFT OUTER JOIN "migration" "migration_item__migration" '
    'ON "migration_item__migration"."id"="migration_item"."migration_id" '
)
_LIKE = 'UPPER(CAST("migration_item"."{}" AS VARCHAR)) LIKE UPPER(${}) ESCAPE \'\\\''
_WHERE_TEXT = 'WHERE "migration_item"."source_environment_id"=$1 AND (' + " OR ".join(
    _LIKE.format(column, n)
    for n, column in enumerate(
        ("administration_name", "administration_code", "inbound_mail_address", "recipients_text"),
        start=2,
    )
)
_WHERE_CODE = (
    ' OR CAST("migration_item__migration"."transfer_code" AS VARCHAR) LIKE $6 ESCAPE \'\\\''
)
_SELECT = (
    'SELECT "migration_item"."id","migration_item"."documents_total",'
    '"migration_item"."target_connection_id","migration_item"."open_administration_id",'
    '"migration_item"."administration_id","migration_item"."target_environment_id",'
    '"migration_item"."administration_name","migration_item"."bytes_total",'
    '"migration_item"."inbound_mail_address","migration_item"."completed_at",'
    '"migration_item"."migration_id","migration_item"."source_environment_id",'
    '"migration_item"."received_by_name","migration_item"."administration_code",'
    '"migration_item"."status","migration_item"."checksums_verified",'
    '"migration_item"."move_attempts","migration_item"."offered_at","migration_item"."target_code",'
    '"migration_item"."recipients_text","migration_item"."lease_until","migration_item"."reason",'
    '"migration_item"."documents_done","migration_item"."received_by_email",'
    '"migration_item"."started_at","migration_item"."status_changed_at",'
    '"migration_item"."expires_at","migration_item__migration"."id" "migration_item__migration.id",'
    '"migration_item__migration"."package" "migration_item__migration.package",'
    '"migration_item__migration"."requester_id" "migration_item__migration.requester_id",'
    '"migration_item__migration"."transfer_code" "migration_item__migration.transfer_code",'
    '"migration_item__migration"."target_environment_id" '
    '"migration_item__migration.target_environment_id",'
    '"migration_item__migration"."recipients" "migration_item__migration.recipients",'
    '"migration_item__migration"."offered_at" "migration_item__migration.offered_at",'
    '"migration_item__migration"."requester_name" "migration_item__migration.requester_name",'
    '"migration_item__migration"."terms_accepted_at" "migration_item__migration.terms_accepted_at",'
    '"migration_item__migration"."expires_at" "migration_item__migration.expires_at",'
    '"migration_item__migration"."requester_email" "migration_item__migration.requester_email",'
    '"migration_item__migration"."source_environment_id" '
    '"migration_item__migration.source_environment_id",'
    '"migration_item__migration"."language" "migration_item__migration.language" '
)
_ORDER = 'ORDER BY "migration_item"."offered_at" DESC,"migration_item"."id" DESC '


class BadRequest(ValueError):
    """A request this reference handler answers with an error instead of data."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code


def offered_statements(with_transfer_code: bool) -> tuple[str, str]:
    """The count and page statements of the resolver for a word search, exactly as Tortoise.

    Without the transfer-code clause Tortoise counts without the join, naming columns bare.
    """
    where = _WHERE_TEXT + (_WHERE_CODE if with_transfer_code else "") + ")"
    limit = "$7 OFFSET $8" if with_transfer_code else "$6 OFFSET $7"
    page = f"{_SELECT}{_FROM}{where} {_ORDER}LIMIT {limit}"
    if with_transfer_code:
        return f"SELECT COUNT(*) {_FROM}{where}", page
    bare_where = where.replace('"migration_item".', "")
    return f'SELECT COUNT(*) FROM "migration_item" {bare_where}', page


def searches_transfer_code(term: str) -> bool:
    """Whether the resolver also searches transfer codes for this term (it adds a clause)."""
    return may_be_part_of_a_code(term)


def search_statements(environment_id: int, term: str) -> tuple[str, str, list[Any]]:
    """(count SQL, page SQL, their shared arguments) of a word search; the page adds two more."""
    pattern = f"%{_escape_like(term)}%"
    args: list[Any] = [environment_id, pattern, pattern, pattern, pattern]
    with_code = searches_transfer_code(term)
    if with_code:
        args.append(f"%{_escape_like(normalize_transfer_code(term))}%")
    count_sql, page_sql = offered_statements(with_code)
    return count_sql, page_sql, args


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _encode_cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _decode_cursor(cursor: str) -> int:
    try:
        raw = base64.b64decode(cursor.encode(), validate=True).decode()
    except ValueError:
        raise BadRequest(400, "The cursor in 'after' is not valid.") from None
    if not raw.startswith("offset:") or not raw[7:].isdigit():
        raise BadRequest(400, "The cursor in 'after' is not valid.")
    return int(raw[7:])


def _is_word_search(term: str) -> bool:
    if any(term.upper().replace(" ", "_") in status.value for status in MigrationStatus):
        return False
    for fmt in _DATE_FORMATS:
        try:
            datetime.strptime(term, fmt)
        except ValueError:
            continue
        return False
    return True


def _effective_status(status: str, expires_at: datetime, now: datetime) -> str:
    if status == MigrationStatus.OFFERED and now >= expires_at:
        return MigrationStatus.EXPIRED.value
    return status


class PlainOfferedHandler:
    """One POST endpoint that answers the offered overview query straight from SQL."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.clock = SystemClock()
        self.pool: asyncpg.Pool | None = None

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Open the pool for the life of the server, as Tortoise does for the real app."""
        self.pool = await asyncpg.create_pool(
            self.dsn, min_size=POOL_MIN_SIZE, max_size=POOL_MAX_SIZE
        )
        try:
            yield
        finally:
            await self.pool.close()

    async def _environment_of(self, request: Request) -> int:
        assert self.pool is not None
        scheme, _, secret = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise BadRequest(401, "Authentication required.")
        now = SystemClock().now()
        row = await self.pool.fetchrow(TOKEN_SQL, now, hash_token(secret.strip()), 1)
        if row is None or not row["api_token__user.is_active"]:
            raise BadRequest(401, "The token is unknown, has been revoked or has expired.")
        if row["api_token__user.role"] != Role.SUPERUSER:
            raise BadRequest(403, "Only a superuser of this environment may do this.")
        return int(row["api_token__user.environment_id"])

    async def _offered(self, environment_id: int, variables: dict[str, Any]) -> dict[str, Any]:
        assert self.pool is not None
        term = str(variables.get("search") or "").strip()
        if not term or not _is_word_search(term):
            raise BadRequest(400, "The reference handler only does a plain word search.")
        first = variables.get("first")
        limit = DEFAULT_PAGE_SIZE if first is None else int(first)
        if not 0 <= limit <= MAX_PAGE_SIZE:
            raise BadRequest(400, f"'first' must be between 0 and {MAX_PAGE_SIZE}.")
        after = variables.get("after")
        offset = _decode_cursor(after) + 1 if after else 0
        now = self.clock.now()
        count_sql, page_sql, args = search_statements(environment_id, term)
        total = int(await self.pool.fetchval(count_sql, *args))
        rows = await self.pool.fetch(page_sql, *args, limit, offset) if limit else []
        nodes = [
            {
                "offeredAt": row["offered_at"].astimezone(UTC).isoformat(),
                "administrationName": row["administration_name"],
                "inboundMailAddress": row["inbound_mail_address"],
                "expiresAt": row["expires_at"].astimezone(UTC).isoformat(),
                "transferCode": format_transfer_code(row["migration_item__migration.transfer_code"])
                if row["migration_item__migration.source_environment_id"] == environment_id
                else None,
                "recipients": json.loads(row["migration_item__migration.recipients"]),
                "status": _effective_status(row["status"], row["expires_at"], now),
            }
            for row in rows
        ]
        return {
            "totalCount": total,
            "nodes": nodes,
            "pageInfo": {
                "hasNextPage": offset + len(nodes) < total,
                "endCursor": _encode_cursor(offset + len(nodes) - 1) if nodes else None,
            },
        }

    async def endpoint(self, request: Request) -> Response:
        """Answer like the GraphQL endpoint: the same shape, values and JSON encoding."""
        try:
            body = json.loads(await request.body())
            environment_id = await self._environment_of(request)
            data = await self._offered(environment_id, body.get("variables") or {})
        except BadRequest as problem:
            payload: dict[str, Any] = {"data": None, "errors": [{"message": str(problem)}]}
            return _json(payload, problem.status_code)
        return _json({"data": {"offeredAdministrations": data}}, 200)


def _json(payload: dict[str, Any], status_code: int) -> Response:
    # Strawberry encodes with json.dumps and compact separators; so do we.
    return Response(
        json.dumps(payload, separators=(",", ":")),
        status_code=status_code,
        media_type="application/json",
    )


async def healthz(request: Request) -> Response:
    """Lets the benchmark see that the server is up before it starts measuring."""
    return _json({"status": "ok"}, 200)


def create_app() -> Starlette:
    """The reference app, reading the database URL the way the real service does."""
    handler = PlainOfferedHandler(asyncpg_dsn(load_settings().database_url))
    return Starlette(
        routes=[
            Route("/offered", handler.endpoint, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=handler.lifespan,
    )
