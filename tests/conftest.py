"""The one fixture module: databases, a live server on loopback, a movable clock and factories.

The suite runs against SQLite by default and against PostgreSQL when
OVERDRACHT_TEST_DATABASE=postgres (see the README); concurrency tests need PostgreSQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import uvicorn
from tortoise import Tortoise, connections

from api.app import create_app
from mail.sink import MailSink
from models import (
    AccountingConnection,
    Administration,
    ApiToken,
    AuthorizationFlow,
    AuthorizationStep,
    Document,
    Environment,
    User,
    Workflow,
    add_administration,
    add_document,
)
from models.enums import AccountingPackage, DocumentKind, DocumentStatus, Plan, Role, TokenScope
from overdracht.clock import MovableClock
from overdracht.db import migrate_database, tortoise_config
from overdracht.filestore import FileStore
from overdracht.pdf import make_pdf
from overdracht.settings import Settings, SmtpSettings

POSTGRES_ADMIN_URL = os.environ.get(
    "OVERDRACHT_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
BACKEND = os.environ.get("OVERDRACHT_TEST_DATABASE", "sqlite")
# The file stores' fixtures (`files`): the local directory, and the real S3 server.
pytest_plugins = ["tests.file_stores"]


def postgres_url(database: str) -> str:
    """The URL of another database on the test PostgreSQL server."""
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + database


async def create_postgres_database() -> str:
    """A fresh, uniquely named PostgreSQL database; returns its name."""
    name = f"overdracht_test_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name


async def drop_postgres_database(name: str) -> None:
    """Remove a database made by create_postgres_database."""
    conn = await asyncpg.connect(POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked postgres only run in the PostgreSQL pass of the suite."""
    if BACKEND == "postgres":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with OVERDRACHT_TEST_DATABASE=postgres")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs PostgreSQL (row locks, real concurrency)")


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """One migrated database for the whole run, connected as Tortoise's default."""
    if BACKEND == "postgres":
        name = await create_postgres_database()
        url = postgres_url(name)
    else:
        name = ""
        url = f"sqlite://{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    await migrate_database(url)
    await Tortoise.close_connections()
    await Tortoise.init(config=tortoise_config(url))
    yield url
    await Tortoise.close_connections()
    if name:
        await drop_postgres_database(name)


TABLES_IN_DELETE_ORDER: list[str] = []


async def _empty_tables() -> None:
    conn = connections.get("default")
    if not TABLES_IN_DELETE_ORDER:
        for app in Tortoise.apps.values():
            TABLES_IN_DELETE_ORDER.extend(model._meta.db_table for model in app.values())
    if BACKEND == "postgres":
        tables = ", ".join(f'"{t}"' for t in TABLES_IN_DELETE_ORDER)
        await conn.execute_script(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    else:
        await conn.execute_script(
            "PRAGMA foreign_keys = OFF;"
            + "".join(f'DELETE FROM "{t}";' for t in TABLES_IN_DELETE_ORDER)
            + "PRAGMA foreign_keys = ON;"
        )


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[str]:
    """Every test starts with empty tables."""
    await _empty_tables()
    yield database_url


@pytest.fixture
def clock() -> MovableClock:
    """The project's clock, standing still until the test moves it."""
    return MovableClock()


@pytest.fixture
def settings(db: str, tmp_path: Path) -> Settings:
    """Settings as the service would read them, pointing at the test database."""
    return Settings(
        database_url=db, data_dir=tmp_path, background_jobs=False, progress_poll_interval=0.02
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    """The real app served by uvicorn on a loopback port, spoken to over HTTP."""

    base_url: str
    client: httpx.AsyncClient

    async def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
    ) -> dict[str, Any]:
        """POST a GraphQL request and return the decoded JSON body."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.headers["content-type"].startswith("application/json"), response.text
        return response.json()


@contextlib.asynccontextmanager
async def start_server(
    settings: Settings, clock: MovableClock, files: FileStore
) -> AsyncIterator[LiveServer]:
    """Serve the real app on a free loopback port until the block ends."""
    app = create_app(settings, clock=clock, files=files, manage_database=False)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    task = asyncio.create_task(uv.serve())
    while not uv.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    base_url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        yield LiveServer(base_url=base_url, client=client)
    uv.should_exit = True
    await task


@pytest.fixture
async def server(
    settings: Settings, clock: MovableClock, files: FileStore
) -> AsyncIterator[LiveServer]:
    """A running service for this test, sharing the test's clock, file store and database."""
    async with start_server(settings, clock, files) as live:
        yield live


@dataclass
class Factory:
    """Builds the domain objects tests need, with sensible defaults and unique names."""

    clock: MovableClock
    files: FileStore
    settings: Settings
    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def _n(self) -> int:
        return next(self.counter)

    async def environment(self, plan: Plan = Plan.PREMIUM, name: str | None = None) -> Environment:
        n = self._n()
        return await Environment.create(
            office_code=f"K{10000 + n}",
            name=name or f"Kantoor {n}",
            plan=plan,
            created_at=self.clock.now(),
        )

    async def user(
        self, environment: Environment, role: Role = Role.SUPERUSER, name: str | None = None
    ) -> User:
        n = self._n()
        return await User.create(
            environment=environment,
            email=f"user{n}@{environment.office_code.lower()}.example",
            display_name=name or f"Gebruiker {n}",
            role=role,
            created_at=self.clock.now(),
        )

    async def token(self, user: User, scope: TokenScope = TokenScope.FULL) -> str:
        _, secret = await ApiToken.issue(user, now=self.clock.now(), scope=scope)
        return secret

    async def connection(
        self,
        environment: Environment,
        package: AccountingPackage = AccountingPackage.EXACT_ONLINE,
        name: str | None = None,
    ) -> AccountingConnection:
        return await AccountingConnection.create(
            environment=environment,
            package=package,
            name=name or f"{package.value.title()} {self._n()}",
            created_at=self.clock.now(),
        )

    async def administration(
        self,
        connection: AccountingConnection,
        code: str | None = None,
        name: str | None = None,
        documents: int = 0,
        status: DocumentStatus = DocumentStatus.BOOKED,
    ) -> Administration:
        n = self._n()
        administration = await add_administration(
            connection,
            code=code or f"{1000 + n}",
            name=name or f"Klant {n} BV",
            domain=self.settings.inbound_mail_domain,
            now=self.clock.now(),
        )
        for _ in range(documents):
            await self.document(administration, status=status)
        return administration

    async def document(
        self,
        administration: Administration,
        status: DocumentStatus = DocumentStatus.BOOKED,
        uploaded_by: User | None = None,
        approved_by: User | None = None,
        data: bytes | None = None,
    ) -> Document:
        n = self._n()
        title = f"Factuur {n}"
        return await add_document(
            administration,
            self.files,
            data=data if data is not None else make_pdf(title, [f"Document {n}"]),
            title=title,
            file_name=f"factuur-{n}.pdf",
            kind=DocumentKind.PURCHASE_INVOICE,
            status=status,
            now=self.clock.now(),
            uploaded_by=uploaded_by,
            approved_by=approved_by,
        )

    async def archive(
        self,
        administration: Administration,
        count: int,
        *,
        uploaded_by: User | None = None,
        approved_by: User | None = None,
    ) -> None:
        """A large archive fast: distinct small files, rows inserted in bulk."""
        rows = []
        for i in range(count):
            stored = await self.files.put(f"%PDF-1.4 archive {administration.pk} {i}".encode())
            rows.append(
                Document(
                    administration_id=administration.pk,
                    kind=DocumentKind.PURCHASE_INVOICE,
                    status=DocumentStatus.BOOKED,
                    title=f"Doc {i}",
                    file_name=f"doc-{i}.pdf",
                    content_type="application/pdf",
                    size=stored.size,
                    sha256=stored.sha256,
                    md5=stored.md5,
                    storage_key=stored.key,
                    uploaded_by_id=uploaded_by.pk if uploaded_by else None,
                    uploaded_by_name=uploaded_by.display_name if uploaded_by else "",
                    approved_by_id=approved_by.pk if approved_by else None,
                    approved_by_name=approved_by.display_name if approved_by else "",
                    created_at=self.clock.now(),
                )
            )
        await Document.bulk_create(rows, batch_size=500)

    async def authorizer_in_flow(self, administration: Administration, user: User) -> None:
        flow, _ = await AuthorizationFlow.get_or_create(
            administration=administration, defaults={"created_at": self.clock.now()}
        )
        position = await AuthorizationStep.filter(flow=flow).count() + 1
        await AuthorizationStep.create(flow=flow, position=position, authorizer=user)

    async def workflow(self, administration: Administration, active: bool = True) -> Workflow:
        return await Workflow.create(
            administration=administration,
            name=f"Workflow {self._n()}",
            is_active=active,
            created_at=self.clock.now(),
        )


@pytest.fixture
def factory(db: str, clock: MovableClock, files: FileStore, settings: Settings) -> Factory:
    """Factories bound to this test's clock, files and settings."""
    return Factory(clock=clock, files=files, settings=settings)


class QueryCounter(logging.Handler):
    """Counts the SQL statements Tortoise sends while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().lstrip().upper()
        if message.startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            self.statements.append(record.getMessage())


@pytest.fixture
def count_queries() -> Iterator[QueryCounter]:
    """Attach a statement counter to Tortoise's query log for the test's duration."""
    logger = logging.getLogger("tortoise.db_client")
    counter = QueryCounter()
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    yield counter
    logger.removeHandler(counter)
    logger.setLevel(old_level)


# ---------------------------------------------------------------------------------------------
# Mail: a real SMTP server on loopback (the project's MailSink), and settings that point at it.
# ---------------------------------------------------------------------------------------------


@pytest.fixture
async def smtp_server() -> AsyncIterator[MailSink]:
    """An SMTP server on a free loopback port; `.messages` holds what it received.

    `await smtp_server.stop()` and `await smtp_server.start()` play an outage: it comes back
    on the same port.
    """
    sink = MailSink("127.0.0.1", 0)
    await sink.start()
    yield sink
    await sink.stop()


@pytest.fixture
def mail_settings(settings: Settings, smtp_server: MailSink) -> Settings:
    """The test's settings with outgoing mail going to smtp_server."""
    return settings.with_overrides(
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_server.port, timeout_seconds=5.0)
    )


# ---------------------------------------------------------------------------------------------
# A migration scenario spoken to over GraphQL: a source office with two administrations ready
# to offer, and a PREMIUM target office whose superuser is the recipient.
# ---------------------------------------------------------------------------------------------

OFFER = """
mutation($input: OfferMigrationInput!) {
  offerMigration(input: $input) {
    migration {
      id transferCode offeredAt expiresAt isExpired recipients requesterEmail language package
      statusCounts { offered total }
      administrations {
        totalCount nodes { id status administrationName progress { documentsTotal } }
      }
      auditTrail {
        totalCount nodes { action actorName administrationName actorOffice { officeCode } }
      }
    }
    userErrors { code field message }
  }
}"""

WITHDRAW = """
mutation($input: WithdrawMigrationInput!) {
  withdrawMigration(input: $input) {
    migration { statusCounts { offered withdrawn total } }
    userErrors { code field message }
  }
}"""

PREVIEW = """
query($code: String!) {
  transferCodePreview(transferCode: $code) {
    sourceOffice { officeCode name } package offeredAt expiresAt targetIsPremium
    connections { nodes { name } }
    administrations {
      nodes {
        documentCount canReceive hasConnectionOfPackage duplicateInTarget stillOffered
        administration { id administrationName administrationCode package transferCode }
      }
    }
  }
}"""

CLAIM = """
mutation($input: ClaimMigrationInput!) {
  claimMigration(input: $input) {
    migration { id statusCounts { offered queued total } }
    userErrors { code field message }
  }
}"""

REJECT = """
mutation($input: RejectMigrationInput!) {
  rejectMigration(input: $input) {
    migration { id statusCounts { offered rejected total } }
    userErrors { code field message }
  }
}"""

TARGET_SUPERUSER = "eva@bosman.example"


def gid(type_name: str, obj: Any) -> str:
    """The global ID of a model instance."""
    from api.schema.ids import encode_global_id

    return encode_global_id(type_name, obj.pk)


def pk_of(global_id: str) -> int:
    """The database ID inside a global ID the API returned."""
    from strawberry import relay

    return int(relay.GlobalID.from_id(global_id).node_id)


def codes(payload: dict[str, Any]) -> list[str]:
    """The userError codes of a mutation payload."""
    return [e["code"] for e in payload["userErrors"]]


@dataclass
class Scenario:
    """Both offices of a migration, and the GraphQL calls each side makes."""

    server: LiveServer
    factory: Factory
    source: Environment
    superuser: User
    token: str
    clerk: User
    clerk_token: str
    exact: AccountingConnection
    ready: list[Administration]
    target: Environment
    target_superuser: User
    target_token: str
    target_exact: AccountingConnection

    async def graphql(
        self, query: str, variables: dict[str, Any] | None, token: str
    ) -> dict[str, Any]:
        return await self.server.graphql(query, variables, token=token)

    def offer_input(self, administrations: list[Any] | None = None, **overrides: Any) -> dict:
        data: dict[str, Any] = {
            "administrationIds": [
                gid("Administration", a) for a in (administrations or self.ready)
            ],
            "recipients": [TARGET_SUPERUSER],
            "acknowledgeUsersDoNotMove": True,
            "acceptTerms": True,
        }
        data.update(overrides)
        return {"input": data}

    async def offer_payload(self, token: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Call offerMigration and return its payload, whatever it says."""
        body = await self.graphql(OFFER, self.offer_input(**kwargs), token or self.token)
        assert "errors" not in body, body
        return body["data"]["offerMigration"]

    async def offer(self, **kwargs: Any) -> dict[str, Any]:
        """Offer and return the new migration; the offer must succeed."""
        payload = await self.offer_payload(**kwargs)
        assert payload["userErrors"] == [], payload
        return payload["migration"]

    @staticmethod
    def items(migration: dict[str, Any]) -> list[str]:
        return [n["id"] for n in migration["administrations"]["nodes"]]

    async def preview(self, code: str) -> dict[str, Any]:
        return await self.graphql(PREVIEW, {"code": code}, self.target_token)

    async def claim(
        self,
        code: str,
        item_ids: list[str],
        *,
        connection: AccountingConnection | None = None,
        administration_code: str | None = None,
        accept_terms: bool = True,
        accept_costs: bool = True,
        token: str | None = None,
    ) -> dict[str, Any]:
        choices = [
            {
                "migrationAdministrationId": item_id,
                "connectionId": gid("AccountingConnection", connection or self.target_exact),
                "administrationCode": administration_code,
            }
            for item_id in item_ids
        ]
        variables = {
            "input": {
                "transferCode": code,
                "acceptTerms": accept_terms,
                "acceptCosts": accept_costs,
                "administrations": choices,
            }
        }
        body = await self.graphql(CLAIM, variables, token or self.target_token)
        assert "errors" not in body, body
        return body["data"]["claimMigration"]

    async def reject(self, code: str, item_ids: list[str], reason: str | None = None) -> dict:
        variables = {
            "input": {
                "transferCode": code,
                "migrationAdministrationIds": item_ids,
                "reason": reason,
            }
        }
        body = await self.graphql(REJECT, variables, self.target_token)
        assert "errors" not in body, body
        return body["data"]["rejectMigration"]


@pytest.fixture
async def scenario(server: LiveServer, factory: Factory) -> Scenario:
    """Van Dijk (STANDARD) with two ready administrations; Bosman (PREMIUM) to receive them."""
    source = await factory.environment(plan=Plan.STANDARD, name="Van Dijk")
    superuser = await factory.user(source, name="Anna de Vries")
    clerk = await factory.user(source, role=Role.USER)
    exact = await factory.connection(source, AccountingPackage.EXACT_ONLINE)
    ready = [
        await factory.administration(exact, name="Bakkerij De Korst", documents=3),
        await factory.administration(exact, name="Fietsen Jansen", documents=2),
    ]
    target = await factory.environment(plan=Plan.PREMIUM, name="Bosman")
    target_superuser = await factory.user(target, name="Eva Bosman")
    target_superuser.email = TARGET_SUPERUSER
    await target_superuser.save()
    return Scenario(
        server=server,
        factory=factory,
        source=source,
        superuser=superuser,
        token=await factory.token(superuser),
        clerk=clerk,
        clerk_token=await factory.token(clerk),
        exact=exact,
        ready=ready,
        target=target,
        target_superuser=target_superuser,
        target_token=await factory.token(target_superuser),
        target_exact=await factory.connection(
            target, AccountingPackage.EXACT_ONLINE, name="Exact Bosman"
        ),
    )
