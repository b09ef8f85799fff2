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

# What the resolver reads of the page's rows and of the offers they are part of, as values
# (api/schema/migration.py NODE_VALUES), each named by its column or as `migration__<column>`.
ITEM_COLUMNS = (
    "id", "migration_id", "administration_id", "status", "administration_name",
    "administration_code", "inbound_mail_address", "offered_at", "expires_at",
    "status_changed_at", "reason", "failure", "documents_done", "documents_total",
    "bytes_total", "checksums_verified", "verification", "completed_at", "target_code",
    "target_environment_id", "reception_terms_version", "manifest_sha256", "not_before",
    "started_at", "progress_at",
)  # fmt: skip
MIGRATION_COLUMNS = (
    "package", "transfer_code", "recipients", "source_environment_id", "target_environment_id",
)  # fmt: skip
_MIGRATION = "migration_item__migration"
_TARGET = "migration_item__migration__target_environment"
# The search reaches the target office's name and code through the offer, so both statements
# join the offer and the target environment.
_FROM = (
    f'FROM "migration_item" LEFT OUTER JOIN "migration" "{_MIGRATION}" '
    f'ON "{_MIGRATION}"."id"="migration_item"."migration_id" '
    f'LEFT OUTER JOIN "environment" "{_TARGET}" '
    f'ON "{_TARGET}"."id"="{_MIGRATION}"."target_environment_id" '
)
# The columns a word search reads, in the order the resolver's filter names them.
SEARCHED = (
    ("migration_item", "administration_name"),
    ("migration_item", "administration_code"),
    ("migration_item", "inbound_mail_address"),
    ("migration_item", "recipients_text"),
    (_TARGET, "name"),
    (_TARGET, "office_code"),
)
_LIKE = 'UPPER(CAST("{}"."{}" AS VARCHAR)) LIKE UPPER(${}) ESCAPE \'\\\''
_CODE_LIKE = f'CAST("{_MIGRATION}"."transfer_code" AS VARCHAR) LIKE ${{}} ESCAPE \'\\\''
# After a cursor: the rows older than its row, or as old with a lower id.
_AFTER = (
    'AND ("migration_item"."offered_at"<${0} OR ("migration_item"."offered_at"=${1} '
    'AND "migration_item"."id"<${2})) '
)
_SELECT = "SELECT " + ",".join(
    [f'"migration_item"."{c}" "{c}"' for c in ITEM_COLUMNS]
    + [f'"{_MIGRATION}"."{c}" "migration__{c}"' for c in MIGRATION_COLUMNS]
)
_ORDER = 'ORDER BY "migration_item"."offered_at" DESC,"migration_item"."id" DESC '
# How a page is sorted, as its cursors name it.
ORDER_LABEL = "-offered_at,-id"


class BadRequest(ValueError):
    """A request this reference handler answers with an error instead of data."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code


def offered_statements(with_transfer_code: bool, after_cursor: bool = False) -> tuple[str, str]:
    """The count and page statements of the resolver for a word search, exactly as Tortoise.

    The page after a cursor adds the keyset condition; its arguments come after the search's.
    """
    likes = [_LIKE.format(table, column, n) for n, (table, column) in enumerate(SEARCHED, 2)]
    if with_transfer_code:
        likes.append(_CODE_LIKE.format(len(SEARCHED) + 2))
    where = 'WHERE "migration_item"."source_environment_id"=$1 AND (' + " OR ".join(likes) + ")"
    n = len(likes) + 2
    keyset = _AFTER.format(n, n + 1, n + 2) if after_cursor else ""
    limit = n + 3 if after_cursor else n
    page = f"{_SELECT} {_FROM}{where} {keyset}{_ORDER}LIMIT ${limit}"
    return f"SELECT COUNT(*) {_FROM}{where}", page


def searches_transfer_code(term: str) -> bool:
    """Whether the resolver also searches transfer codes for this term (it adds a clause)."""
    return may_be_part_of_a_code(term)


def search_statements(
    environment_id: int, term: str, after_cursor: bool = False
) -> tuple[str, str, list[Any]]:
    """(count SQL, page SQL, their shared arguments) of a word search.

    The page adds the cursor's values when there is one, then the limit.
    """
    pattern = f"%{_escape_like(term)}%"
    args: list[Any] = [environment_id, *[pattern] * len(SEARCHED)]
    with_code = searches_transfer_code(term)
    if with_code:
        args.append(f"%{_escape_like(normalize_transfer_code(term))}%")
    count_sql, page_sql = offered_statements(with_code, after_cursor)
    return count_sql, page_sql, args


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def encode_cursor(offered_at: datetime, item_id: int) -> str:
    """A row's cursor as the API makes it: the order's label and the row's sort values."""
    text = json.dumps(
        [ORDER_LABEL, [offered_at.isoformat(), item_id]], ensure_ascii=False, separators=(",", ":")
    )
    return base64.urlsafe_b64encode(text.encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The sort values a cursor of this order names."""
    try:
        raw = base64.b64decode(cursor.encode("ascii"), altchars=b"-_", validate=True)
        label, (offered_at, item_id) = json.loads(raw.decode("utf-8"))
        moment = datetime.fromisoformat(offered_at)
    except (ValueError, TypeError, UnicodeError):
        raise BadRequest(400, "The cursor in 'after' is not valid.") from None
    if label != ORDER_LABEL or type(item_id) is not int or moment.tzinfo is None:
        raise BadRequest(400, "The cursor in 'after' is not valid.")
    return moment, item_id


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
        start = decode_cursor(str(after)) if after else None
        now = self.clock.now()
        count_sql, page_sql, args = search_statements(environment_id, term, start is not None)
        total = int(await self.pool.fetchval(count_sql, *args))
        keyset = [start[0], start[0], start[1]] if start is not None else []
        # One row more than asked says whether another page follows.
        rows = await self.pool.fetch(page_sql, *args, *keyset, limit + 1)
        shown = rows[:limit]
        nodes = [
            {
                "offeredAt": row["offered_at"].astimezone(UTC).isoformat(),
                "administrationName": row["administration_name"],
                "inboundMailAddress": row["inbound_mail_address"],
                "expiresAt": row["expires_at"].astimezone(UTC).isoformat(),
                "transferCode": format_transfer_code(row["migration__transfer_code"])
                if row["migration__source_environment_id"] == environment_id
                else None,
                "recipients": json.loads(row["migration__recipients"]),
                "status": _effective_status(row["status"], row["expires_at"], now),
            }
            for row in shown
        ]
        last = shown[-1] if shown else None
        return {
            "totalCount": total,
            "nodes": nodes,
            "pageInfo": {
                "hasNextPage": len(rows) > limit,
                "endCursor": encode_cursor(last["offered_at"], last["id"]) if last else None,
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
