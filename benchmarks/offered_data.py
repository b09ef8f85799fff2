"""A PostgreSQL database full of offered administrations, filled with COPY in seconds."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import asyncpg

from models.administration import inbound_mail_address
from models.enums import (
    MIGRATABLE_PACKAGES,
    OPEN_MIGRATION_STATUSES,
    MailLanguage,
    MigrationStatus,
    Plan,
    Role,
    TokenScope,
)
from models.transfer_code import generate_transfer_code
from models.user import hash_token
from overdracht.clock import SystemClock
from overdracht.db import close_database, migrate_database
from overdracht.scratch_database import (
    asyncpg_dsn,
    connected,
    database_name,
    fresh_database,
    server_url,
)

BENCH_OFFICE_CODE = "K10000"
BENCH_TOKEN = "ovd_bench_k10000_superuser"
INBOUND_DOMAIN = "inbound.overdracht.example"
OFFER_VALIDITY = timedelta(days=15)
SPREAD = timedelta(days=180)

# One trade in ~28, so a search for one of them hits a few percent of an environment's rows.
TRADES = [
    "Bakkerij", "Fietsenmaker", "Cafe", "Slagerij", "Kapsalon", "Bloemist", "Garage",
    "Schildersbedrijf", "Loodgietersbedrijf", "Tandartspraktijk", "Huisartsenpraktijk",
    "Dierenkliniek", "Boekhandel", "Drukkerij", "Installatiebedrijf", "Hoveniersbedrijf",
    "Timmerbedrijf", "Restaurant", "Hotel", "Apotheek", "Fysiotherapie", "Makelaardij",
    "Reisbureau", "Fotostudio", "Opticien", "Kinderopvang", "Transportbedrijf", "Adviesbureau",
]  # fmt: skip
SURNAMES = [
    "Jansen", "De Vries", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer", "De Boer",
    "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker",
    "Brouwer", "De Wit", "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Kok", "Jacobs",
    "Van Dijk", "Bosman", "Verhoeven", "Koster", "Prins", "Huisman", "Kuipers", "Willems",
]  # fmt: skip
STYLES = [
    "De Gouden Korst", "Het Hoekje", "De Molen", "Het Anker", "De Zon", "Het Plein",
    "De Linde", "Het Wapen", "De Eik", "De Kroon", "Het Veer", "De Haven",
]  # fmt: skip
FIRST_NAMES = [
    "Anna", "Bram", "Carla", "Dirk", "Eva", "Frank", "Gijs", "Hanna", "Ingrid", "Joost",
    "Karin", "Lars", "Maaike", "Niels", "Olga", "Pieter", "Roos", "Sander", "Tessa", "Wouter",
]  # fmt: skip
OFFICE_SUFFIXES = [
    "Accountants", "& Partners", "Administratiekantoor", "Belastingadvies", "Boekhouding",
]  # fmt: skip
REJECT_REASONS = ["Verkeerde administratie aangeboden.", "Klant blijft bij het huidige kantoor."]
FAIL_REASONS = ["Checksum of a document did not match.", "Target connection was removed."]

# Offers still running are mostly open; older ones mostly settled, some left OFFERED past expiry.
RECENT_STATUSES = (
    [MigrationStatus.OFFERED] * 70
    + [MigrationStatus.QUEUED] * 5
    + [MigrationStatus.RUNNING] * 3
    + [MigrationStatus.COMPLETED] * 10
    + [MigrationStatus.WITHDRAWN] * 7
    + [MigrationStatus.REJECTED] * 5
)
OLD_STATUSES = (
    [MigrationStatus.OFFERED] * 15
    + [MigrationStatus.EXPIRED] * 25
    + [MigrationStatus.COMPLETED] * 40
    + [MigrationStatus.WITHDRAWN] * 10
    + [MigrationStatus.REJECTED] * 7
    + [MigrationStatus.FAILED] * 3
)
MOVED_STATUSES = frozenset(
    {
        MigrationStatus.QUEUED,
        MigrationStatus.RUNNING,
        MigrationStatus.COMPLETED,
        MigrationStatus.FAILED,
    }
)


@dataclass
class Office:
    """One environment with the one superuser, connection and package its offers use."""

    id: int
    office_code: str
    name: str
    superuser_id: int
    superuser_name: str
    superuser_email: str
    connection_id: int
    package: str


@dataclass
class Tables:
    """The rows of each table, in the order they must be copied for the foreign keys."""

    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)

    def add(self, table: str, **row: Any) -> None:
        """Queue one row; every row of a table names the same columns in the same order."""
        self.columns.setdefault(table, list(row))
        self.rows.setdefault(table, []).append(tuple(row.values()))


def _slug(text: str) -> str:
    return "".join(c for c in text.lower().replace(" ", "-") if c.isalnum() or c == "-")


def _items_per_office(rows: int, offices: int, bench_items: int) -> list[int]:
    if offices < 2 or not 0 < bench_items < rows:
        raise ValueError("need at least 2 environments and fewer benchmark items than rows")
    rest, extra = divmod(rows - bench_items, offices - 1)
    return [bench_items] + [rest + (1 if i < extra else 0) for i in range(offices - 1)]


def _offices(tables: Tables, count: int, now: datetime, rng: random.Random) -> list[Office]:
    packages = sorted(MIGRATABLE_PACKAGES)
    since = now - SPREAD
    offices = []
    for i in range(count):
        pk = i + 1
        surname = rng.choice(SURNAMES)
        office_code = f"K{10000 + i}"
        name = "Benchmark Accountants" if i == 0 else f"{surname} {rng.choice(OFFICE_SUFFIXES)}"
        first = rng.choice(FIRST_NAMES)
        email = f"{first.lower()}@{_slug(surname)}-{office_code.lower()}.example"
        package = packages[i % len(packages)]
        office = Office(pk, office_code, name, pk, f"{first} {surname}", email, pk, package)
        offices.append(office)
        plan = (Plan.PREMIUM, Plan.STANDARD)[i % 2]
        tables.add(
            "environment", id=pk, office_code=office_code, name=name, plan=plan, created_at=since
        )
        tables.add(
            "user_account",
            id=pk,
            environment_id=pk,
            email=email,
            display_name=office.superuser_name,
            role=Role.SUPERUSER,
            is_active=True,
            created_at=since,
        )
        secret = BENCH_TOKEN if i == 0 else f"ovd_bench_{office_code.lower()}_superuser"
        tables.add(
            "api_token",
            id=pk,
            user_id=pk,
            token_hash=hash_token(secret),
            label="benchmark",
            scope=TokenScope.FULL,
            created_at=since,
            revoked_at=None,
        )
        tables.add(
            "accounting_connection",
            id=pk,
            environment_id=pk,
            package=package,
            name=package.replace("_", " ").title(),
            created_at=since,
        )
    return offices


def _add_offer(
    tables: Tables,
    pk: int,
    office: Office,
    receivers: list[Office],
    now: datetime,
    rng: random.Random,
) -> tuple[datetime, datetime]:
    """One migration with its recipient rows; returns (offered_at, expires_at)."""
    offered_at = (now - SPREAD * rng.random()).replace(microsecond=0)
    recipients = [r.superuser_email for r in receivers]
    tables.add(
        "migration",
        id=pk,
        source_environment_id=office.id,
        target_environment_id=None,
        requester_id=office.superuser_id,
        requester_name=office.superuser_name,
        requester_email=office.superuser_email,
        package=office.package,
        transfer_code=generate_transfer_code(),
        recipients=json.dumps(recipients),
        language=rng.choice(list(MailLanguage)),
        offered_at=offered_at,
        expires_at=offered_at + OFFER_VALIDITY,
        terms_accepted_at=offered_at,
    )
    for address in recipients:
        tables.add("migration_recipient", migration_id=pk, email=address)
    return offered_at, offered_at + OFFER_VALIDITY


def _status(
    offered_at: datetime, expires_at: datetime, now: datetime, rng: random.Random
) -> tuple[MigrationStatus, datetime]:
    """A plausible status for an offer of this age, and when it got it."""
    status = rng.choice(RECENT_STATUSES if expires_at > now else OLD_STATUSES)
    if status == MigrationStatus.OFFERED:
        return status, offered_at
    if status == MigrationStatus.EXPIRED:
        return status, expires_at
    return status, min(now, offered_at + (expires_at - offered_at) * rng.random())


def _add_item(
    tables: Tables,
    pk: int,
    migration_id: int,
    office: Office,
    receivers: list[Office],
    code: str,
    window: tuple[datetime, datetime],
    now: datetime,
    rng: random.Random,
) -> None:
    """One administration and the item that offers it, with a status that fits its age."""
    name = f"{rng.choice(TRADES)} {rng.choice(rng.choice((SURNAMES, STYLES)))}"
    address = inbound_mail_address(office.office_code, code, INBOUND_DOMAIN)
    tables.add(
        "administration",
        id=pk,
        environment_id=office.id,
        connection_id=office.connection_id,
        code=code,
        name=name,
        inbound_mail_address=address,
        created_at=now - SPREAD,
    )
    offered_at, expires_at = window
    status, changed_at = _status(offered_at, expires_at, now, rng)
    target = rng.choice(receivers) if status in MOVED_STATUSES else None
    started = status in (MigrationStatus.RUNNING, MigrationStatus.COMPLETED, MigrationStatus.FAILED)
    completed = status == MigrationStatus.COMPLETED
    documents = rng.randint(20, 4000)
    tables.add(
        "migration_item",
        id=pk,
        migration_id=migration_id,
        administration_id=pk,
        open_administration_id=pk if status in OPEN_MIGRATION_STATUSES else None,
        source_environment_id=office.id,
        administration_code=code,
        administration_name=name,
        inbound_mail_address=address,
        recipients_text=", ".join(r.superuser_email for r in receivers),
        status=status,
        offered_at=offered_at,
        expires_at=expires_at,
        status_changed_at=changed_at,
        reason={
            MigrationStatus.REJECTED: rng.choice(REJECT_REASONS),
            MigrationStatus.FAILED: rng.choice(FAIL_REASONS),
        }.get(status, ""),
        target_environment_id=target.id if target else None,
        target_connection_id=target.connection_id if target else None,
        target_code=code if target else None,
        documents_total=documents,
        documents_done=documents if completed else documents // 2 if started else 0,
        bytes_total=documents * 180_000,
        checksums_verified=completed,
        received_by_name=target.superuser_name if target else "",
        received_by_email=target.superuser_email if target else "",
        move_attempts=1 if started else 0,
        lease_until=changed_at + timedelta(minutes=2)
        if status == MigrationStatus.RUNNING
        else None,
        started_at=changed_at if started else None,
        completed_at=changed_at if completed else None,
    )


def build_tables(rows: int, offices: int, bench_items: int, now: datetime) -> Tables:
    """Every row of the benchmark world; the same seed gives the same names and statuses."""
    rng = random.Random(20260101)
    tables = Tables()
    world = _offices(tables, offices, now, rng)
    item_id = migration_id = 0
    for office, count in zip(world, _items_per_office(rows, offices, bench_items), strict=True):
        others = [o for o in world if o is not office]
        done = 0
        while done < count:
            migration_id += 1
            receivers = rng.sample(others, rng.randint(1, 3))
            window = _add_offer(tables, migration_id, office, receivers, now, rng)
            for _ in range(min(rng.randint(1, 5), count - done)):
                item_id += 1
                done += 1
                code = str(1000 + done)
                _add_item(tables, item_id, migration_id, office, receivers, code, window, now, rng)
    return tables


async def filled_rows(database_url: str) -> int:
    """How many offered administrations a kept database holds; 0 when it is missing or empty."""
    try:
        conn = await asyncpg.connect(asyncpg_dsn(database_url))
    except asyncpg.InvalidCatalogNameError:
        return 0
    try:
        bench = await conn.fetchval(
            "SELECT count(*) FROM environment WHERE office_code = $1", BENCH_OFFICE_CODE
        )
        return int(await conn.fetchval("SELECT count(*) FROM migration_item")) if bench else 0
    except asyncpg.UndefinedTableError:
        return 0
    finally:
        await conn.close()


async def fill_database(database_url: str, *, rows: int, offices: int, bench_items: int) -> None:
    """Migrate a fresh database the project's way, then COPY the whole world into it."""
    await fresh_database(server_url(database_url), database_name(database_url))
    await migrate_database(database_url)
    await close_database()
    tables = build_tables(rows, offices, bench_items, SystemClock().now())
    async with connected(database_url) as conn:
        async with conn.transaction():
            for table, records in tables.rows.items():
                await conn.copy_records_to_table(
                    table, records=records, columns=tables.columns[table]
                )
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f'(SELECT max(id) FROM "{table}"))'
                )
        await conn.execute("VACUUM ANALYZE")
