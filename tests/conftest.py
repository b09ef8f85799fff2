"""The one fixture module: databases, a live server on loopback, a movable clock and factories.

The suite runs against SQLite by default and against PostgreSQL when
OVERDRACHT_TEST_DATABASE=postgres (see docs/development.md); concurrency tests need PostgreSQL. The
stories tests tell with these fixtures are in tests/scenarios.py, the GraphQL they send in
tests/documents.py and the server they send it to in tests/live_server.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tortoise import Tortoise, connections

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
from overdracht.db import close_database, is_postgres
from overdracht.filestore import FileStore
from overdracht.pdf import make_pdf
from overdracht.scratch_database import (
    LOCAL_SERVER,
    connected,
    database_name,
    open_migrated,
    server_url,
    throwaway_database,
)
from overdracht.settings import Settings, SmtpSettings
from tests.live_server import LiveServer, start_server
from tests.scenarios import TARGET_SUPERUSER, Scenario

POSTGRES_SERVER_URL = os.environ.get("OVERDRACHT_TEST_POSTGRES_URL", LOCAL_SERVER)
BACKEND = os.environ.get("OVERDRACHT_TEST_DATABASE", "sqlite")
DATABASE_PREFIX = "overdracht_test"
# Files Factory.archive hands the store at once: an object store answers many side by side.
ARCHIVE_UPLOADS_IN_FLIGHT = 16
# The file stores' fixtures (`files`): the local directory, and the real S3 server; the system's
# Chromium for the browser tests (`chromium`).
pytest_plugins = ["tests.file_stores", "tests.browser"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked postgres only run in the PostgreSQL pass of the suite."""
    if BACKEND == "postgres":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with OVERDRACHT_TEST_DATABASE=postgres")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config: pytest.Config) -> None:
    """The postgres marker, declared so pytest knows it."""
    config.addinivalue_line("markers", "postgres: needs PostgreSQL (row locks, real concurrency)")


@contextlib.asynccontextmanager
async def empty_database_of_the_run(sqlite_file: Path) -> AsyncIterator[str]:
    """A new empty database of the backend under test: a throwaway one, or that SQLite file.

    A throwaway PostgreSQL database commits without waiting for its WAL to reach the disk
    (synchronous_commit off, for this database only): see UNSYNCED_SQLITE for why.
    """
    if BACKEND == "postgres":
        async with throwaway_database(POSTGRES_SERVER_URL, DATABASE_PREFIX) as url:
            async with connected(server_url(url)) as admin:
                await admin.execute(
                    f'ALTER DATABASE "{database_name(url)}" SET synchronous_commit = off'
                )
            yield url
    else:
        yield f"sqlite://{sqlite_file}"


# The run's SQLite database syncs its WAL at checkpoints, not at every commit. A test database
# is thrown away after the run, so a commit need not wait for the disk: it is still seen by every
# connection and survives a killed process, as the tests need; only a crash of the machine could
# lose it. The service's own defaults are untouched. A synced commit costs 2 to 5 ms on a virtual
# disk, and a pass of the suite commits tens of thousands of times.
UNSYNCED_SQLITE = "?synchronous=NORMAL"


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """One migrated database for the whole run, connected as Tortoise's default."""
    async with empty_database_of_the_run(tmp_path_factory.mktemp("db") / "test.sqlite3") as url:
        if url.startswith("sqlite://"):
            url += UNSYNCED_SQLITE
        await open_migrated(url)
        yield url
        await close_database()


@pytest.fixture
async def empty_database(tmp_path: Path) -> AsyncIterator[str]:
    """Another database of the backend under test, empty and unmigrated, gone after the test."""
    async with empty_database_of_the_run(tmp_path / "empty.sqlite3") as url:
        yield url


def _tables_children_first() -> list[str]:
    """Every model's table, each before the tables its foreign keys point at."""
    refers_to: dict[str, set[str]] = {}
    for app in Tortoise.apps.values():
        for model in app.values():
            meta = model._meta
            refers_to[meta.db_table] = {
                meta.fields_map[name].related_model._meta.db_table
                for name in meta.fk_fields | meta.o2o_fields
            }
    ordered: list[str] = []
    while refers_to:
        # A table no remaining table points at goes first (a self-reference does not count).
        free = sorted(
            t for t in refers_to if not any(t in r for o, r in refers_to.items() if o != t)
        )
        if not free:
            raise RuntimeError(f"foreign keys go round in a circle among {sorted(refers_to)}")
        ordered += free
        for table in free:
            del refers_to[table]
    return ordered


TABLES_IN_DELETE_ORDER: list[str] = []
SEQUENCES: list[str] = []


async def _empty_tables() -> None:
    """Delete every row of every table, so tests share the migrated database, not its data.

    On PostgreSQL the rows are deleted child tables first and the id sequences restarted, as
    TRUNCATE ... RESTART IDENTITY would: TRUNCATE gives every table and index a new file, which
    cost 0.1 to 0.4 s per test, where deleting the few rows a test left costs milliseconds.
    """
    conn = connections.get("default")
    if not TABLES_IN_DELETE_ORDER:
        TABLES_IN_DELETE_ORDER.extend(_tables_children_first())
    if is_postgres():
        if not SEQUENCES:
            _, rows = await conn.execute_query(
                "SELECT quote_ident(relname) AS name FROM pg_class "
                "WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace"
            )
            SEQUENCES.extend(row["name"] for row in rows)
        restart = ", ".join(f"setval('{s}', 1, false)" for s in SEQUENCES)
        await conn.execute_script(
            "".join(f'DELETE FROM "{t}";' for t in TABLES_IN_DELETE_ORDER)
            + (f"SELECT {restart};" if restart else "")
        )
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
        """The next number, for names no other object of the test has."""
        return next(self.counter)

    async def environment(self, plan: Plan = Plan.PREMIUM, name: str | None = None) -> Environment:
        """An office environment with its own office code."""
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
        """A user of the environment with an address of its own."""
        n = self._n()
        return await User.create(
            environment=environment,
            email=f"user{n}@{environment.office_code.lower()}.example",
            display_name=name or f"Gebruiker {n}",
            role=role,
            created_at=self.clock.now(),
        )

    async def token(self, user: User, scope: TokenScope = TokenScope.FULL) -> str:
        """A bearer token of the user, as the API expects it."""
        _, secret = await ApiToken.issue(user, now=self.clock.now(), scope=scope)
        return secret

    async def connection(
        self,
        environment: Environment,
        package: AccountingPackage = AccountingPackage.EXACT_ONLINE,
        name: str | None = None,
    ) -> AccountingConnection:
        """A connection of the environment to an accounting package."""
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
        """An administration in the connection, with that many documents of that status."""
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
        """One document with a real PDF (or the given bytes) in the file store."""
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
        """A large archive fast: distinct small files stored 16 at a time, rows inserted in bulk."""
        stored_files = []
        for start in range(0, count, ARCHIVE_UPLOADS_IN_FLIGHT):
            end = min(start + ARCHIVE_UPLOADS_IN_FLIGHT, count)
            stored_files += await asyncio.gather(
                *(
                    self.files.put(f"%PDF-1.4 archive {administration.pk} {i}".encode())
                    for i in range(start, end)
                )
            )
        rows = []
        for i, stored in enumerate(stored_files):
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

    async def authorization_flow(self, administration: Administration) -> AuthorizationFlow:
        """The administration's flow, made empty (no authorizer yet) when it has none."""
        flow, _ = await AuthorizationFlow.get_or_create(
            administration=administration, defaults={"created_at": self.clock.now()}
        )
        return flow

    async def authorizer_in_flow(self, administration: Administration, user: User) -> None:
        """The user as the next authorizer in the administration's flow."""
        flow = await self.authorization_flow(administration)
        position = await AuthorizationStep.filter(flow=flow).count() + 1
        await AuthorizationStep.create(flow=flow, position=position, authorizer=user)

    async def workflow(self, administration: Administration, active: bool = True) -> Workflow:
        """A workflow on the administration's documents, active or not."""
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
        """Keep the record when it is a statement that reads or writes rows."""
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
