"""A small, realistic world to try every screen and every path with.

`overdracht seed-demo` may run often (it adds only what is missing) and `--reset` starts it over;
`overdracht demo break-file` and `restore-file` take a file out of the store and put it back, so
a move fails for real and can be retried. All of them refuse a database that holds more than the
demo world: its tokens are public.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise import Tortoise, connections
from tortoise.transactions import in_transaction

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
from models.demo_world import DEMO_TOKENS, ENVIRONMENTS, USERS, DemoToken, foreign_data
from models.enums import AccountingPackage, DocumentKind, DocumentStatus, Role
from models.file_store_home import FileStoreHome
from models.user import hash_token
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.filestore import DirectoryFileStore, FileStore, StoredFile, object_name
from overdracht.pdf import make_pdf
from overdracht.settings import Settings

CONNECTIONS = [
    ("K10234", "Exact Online", AccountingPackage.EXACT_ONLINE),
    ("K10234", "Twinfield", AccountingPackage.TWINFIELD),
    ("K10234", "SnelStart", AccountingPackage.SNELSTART),
    ("K20567", "Exact Online Bosman", AccountingPackage.EXACT_ONLINE),
    ("K20567", "Twinfield Bosman", AccountingPackage.TWINFIELD),
    ("K30999", "Exact Online", AccountingPackage.EXACT_ONLINE),
]

READY = "ready"
HAS_AUTHORIZER = "has an authorizer in its authorization flow"
HAS_ACTIVE_WORKFLOW = "has an active workflow"
HAS_PENDING_DOCUMENTS = "has documents that are NEW or TO_AUTHORIZE"
LARGE = "ready, with a large archive"

# 1006's archive as `overdracht seed-demo` makes it: enough documents for a move's progress to
# be watched for seconds. Their files repeat (RECEIPT_FILES receipts), and the store keeps each
# content once, so seeding stays quick; the rows go in by the thousand.
LARGE_ARCHIVE = 50_000
RECEIPT_FILES = 100
ROWS_AT_ONCE = 1000
# ... and as `seed_demo` makes it unless told otherwise: the tests, which watch no move of it.
QUICK_ARCHIVE = 1000

# (office, connection name, code, name, what the checklist will say)
ADMINISTRATIONS = [
    ("K10234", "Exact Online", "1001", "Bakkerij De Gouden Korst", READY),
    ("K10234", "Exact Online", "1002", "Fietsenmaker Jansen", READY),
    ("K10234", "Exact Online", "1003", "Hoveniersbedrijf Groen", HAS_AUTHORIZER),
    ("K10234", "Exact Online", "1004", "Kapsalon Knip", HAS_ACTIVE_WORKFLOW),
    ("K10234", "Exact Online", "1005", "Loodgietersbedrijf Lek", HAS_PENDING_DOCUMENTS),
    ("K10234", "Exact Online", "1006", "Groothandel De Grote Voorraad", LARGE),
    ("K10234", "Twinfield", "2001", "Cafe Het Hoekje", READY),
    ("K10234", "SnelStart", "3001", "Schildersbedrijf Kwast", READY),
    # Already in the target: receiving 1002 from Van Dijk is refused until this one is removed.
    ("K20567", "Exact Online Bosman", "1002", "Fietsenmaker Jansen", READY),
    ("K20567", "Exact Online Bosman", "5001", "Tandartspraktijk Wit", READY),
    ("K30999", "Exact Online", "7001", "Eenmanszaak Start", READY),
]

SETTLED_STATUSES = [
    DocumentStatus.BOOKED,
    DocumentStatus.BOOKED,
    DocumentStatus.BOOKED,
    DocumentStatus.APPROVED,
    DocumentStatus.REJECTED,
]
KINDS = list(DocumentKind)


class DemoRefused(Exception):
    """The demo's public tokens would reach a database that holds more than the demo."""


async def _refuse_foreign_data(*, allow_other_offices: bool, what: str) -> None:
    """The demo's tokens are public: never in a database with other offices, unless allowed."""
    offices, strangers = await foreign_data()
    if strangers:
        raise DemoRefused(
            "These demo e-mail addresses belong to users of other offices; the public demo "
            f"tokens would act for them: {', '.join(strangers)}."
        )
    if offices and not allow_other_offices:
        raise DemoRefused(
            "This database holds offices that are not the demo's "
            f"({', '.join(offices[:5])}{', …' if len(offices) > 5 else ''}); {what}"
        )


async def seed_demo(
    settings: Settings,
    clock: Clock,
    files: FileStore,
    *,
    allow_other_offices: bool = False,
    large_archive: int = QUICK_ARCHIVE,
) -> list[DemoToken]:
    """Create whatever of the demo world is missing; running it twice changes nothing.

    The demo tokens are public strings, so the demo refuses a database with other offices
    (unless explicitly allowed) and never gives a token to a user of an office not the demo's.
    `large_archive` is the size of 1006's archive: LARGE_ARCHIVE from the command line.
    """
    now = clock.now()
    async with in_transaction():
        await _refuse_foreign_data(
            allow_other_offices=allow_other_offices,
            what="the demo's tokens are public. Use another database, or pass "
            "--allow-other-offices.",
        )
        envs: dict[str, Environment] = {}
        for code, name, plan in ENVIRONMENTS:
            envs[code], _ = await Environment.get_or_create(
                office_code=code, defaults={"name": name, "plan": plan, "created_at": now}
            )
        users: dict[str, User] = {}
        for office, email, display_name, role in USERS:
            users[email], _ = await User.get_or_create(
                email=email,
                defaults={
                    "environment": envs[office],
                    "display_name": display_name,
                    "role": role,
                    "created_at": now,
                },
            )
        for token in DEMO_TOKENS:
            await ApiToken.get_or_create(
                token_hash=hash_token(token.secret),
                defaults={
                    "user": users[token.email],
                    "scope": token.scope,
                    "label": "demo",
                    "created_at": now,
                },
            )
        connections: dict[tuple[str, str], AccountingConnection] = {}
        for office, name, package in CONNECTIONS:
            connections[office, name], _ = await AccountingConnection.get_or_create(
                environment=envs[office],
                name=name,
                defaults={"package": package, "created_at": now},
            )
        for office, connection_name, code, name, state in ADMINISTRATIONS:
            existing = await Administration.get_or_none(
                environment=envs[office], code=code, name=name
            )
            if existing is not None:
                continue
            administration = await add_administration(
                connections[office, connection_name],
                code=code,
                name=name,
                domain=settings.inbound_mail_domain,
                now=now,
            )
            if state == LARGE:
                await _fill_large(administration, large_archive, users, files, clock)
            else:
                await _fill(administration, state, users, files, clock)
    return DEMO_TOKENS


async def reset_demo() -> None:
    """Empty the demo world, so `seed_demo` can make it anew; only a database of the demo.

    Every table is emptied but the record of where the files are. The files stay: the store
    names them by their content, so seeding again finds those it needs in place.
    """
    await _refuse_foreign_data(
        allow_other_offices=False, what="a reset would delete them. Reset only a demo database."
    )
    tables = [
        model._meta.db_table
        for model in Tortoise.apps["models"].values()
        if model is not FileStoreHome
    ]
    connection = connections.get("default")
    if is_postgres():
        listed = ", ".join(f'"{table}"' for table in tables)
        await connection.execute_script(f"TRUNCATE {listed} RESTART IDENTITY CASCADE")
    else:
        # SQLite checks foreign keys row by row; all tables go in one transaction regardless.
        deletes = "".join(f'DELETE FROM "{table}";' for table in tables)
        await connection.execute_script(
            f"PRAGMA foreign_keys = OFF; BEGIN; {deletes} COMMIT; PRAGMA foreign_keys = ON;"
        )


async def _fill_large(
    administration: Administration,
    count: int,
    users: dict[str, User],
    files: FileStore,
    clock: Clock,
) -> None:
    """An archive of `count` booked receipts sharing a few files, inserted in bulk."""
    env = await administration.environment
    staff = [u for u in users.values() if u.environment_id == env.pk]
    uploader, approver = staff[min(1, len(staff) - 1)], staff[0]
    receipts = [
        await files.put(make_pdf(f"Kassabon {n}", [administration.name, f"Kassabon {n}"]))
        for n in range(1, RECEIPT_FILES + 1)
    ]
    base = clock.now() - timedelta(days=400)
    for start in range(0, count, ROWS_AT_ONCE):
        await Document.bulk_create(
            [
                _receipt(administration, i, receipts[i % len(receipts)], base, uploader, approver)
                for i in range(start, min(start + ROWS_AT_ONCE, count))
            ]
        )


def _receipt(
    administration: Administration,
    i: int,
    stored: StoredFile,
    base: datetime,
    uploader: User,
    approver: User,
) -> Document:
    """The large archive's i-th document: a booked receipt in a file it shares with others."""
    number = f"{administration.code}-{i + 1:05d}"
    at = base + timedelta(minutes=i)
    return Document(
        administration_id=administration.pk,
        kind=DocumentKind.RECEIPT,
        status=DocumentStatus.BOOKED,
        title=f"Kassabon {number}",
        file_name=f"{number}.pdf",
        content_type="application/pdf",
        size=stored.size,
        sha256=stored.sha256,
        md5=stored.md5,
        storage_key=stored.key,
        metadata={"number": number},
        uploaded_by_id=uploader.pk,
        uploaded_by_name=uploader.display_name,
        approved_by_id=approver.pk,
        approved_by_name=approver.display_name,
        created_at=at,
    )


async def _fill(
    administration: Administration,
    state: str,
    users: dict[str, User],
    files: FileStore,
    clock: Clock,
) -> None:
    """Give an administration an archive, and whatever makes its checklist fail."""
    env = await administration.environment
    staff = [u for u in users.values() if u.environment_id == env.pk]
    uploader = staff[min(1, len(staff) - 1)]
    approver = staff[0]
    statuses = list(SETTLED_STATUSES)
    if state == HAS_PENDING_DOCUMENTS:
        statuses += [DocumentStatus.NEW, DocumentStatus.TO_AUTHORIZE]
    base = clock.now() - timedelta(days=400)
    for i, status in enumerate(statuses):
        kind = KINDS[i % len(KINDS)]
        number = f"{administration.code}-{i + 1:04d}"
        title = f"{kind.value.replace('_', ' ').title()} {number}"
        data = make_pdf(title, [administration.name, f"Status: {status.value}", f"Nummer {number}"])
        await add_document(
            administration,
            files,
            data=data,
            title=title,
            file_name=f"{number}.pdf",
            kind=kind,
            status=status,
            now=base + timedelta(days=30 * i),
            uploaded_by=uploader,
            approved_by=approver if not status.is_pending else None,
            metadata={"number": number, "amount": f"{(i + 1) * 121.00:.2f}", "currency": "EUR"},
        )
    if state == HAS_AUTHORIZER:
        flow = await AuthorizationFlow.create(administration=administration, created_at=clock.now())
        authorizer = next(u for u in staff if u.role == Role.AUTHORIZER)
        await AuthorizationStep.create(flow=flow, position=1, authorizer=authorizer)
    if state == HAS_ACTIVE_WORKFLOW:
        await Workflow.create(
            administration=administration,
            name="Automatisch boeken",
            is_active=True,
            created_at=clock.now(),
        )


# Where `break-file` keeps the files it takes out of the store, for `restore-file`.
TAKEN_FILES = "demo-taken-files"


@dataclass(frozen=True)
class TakenFile:
    """A file `break-file` took out of the store: whose it was and how many documents share it."""

    document: Document
    administration: Administration
    office_code: str
    documents: int


async def _demo_administration(code: str, office: str | None) -> tuple[Administration, str]:
    """The demo administration with this code (in this office, when several have it)."""
    await _refuse_foreign_data(
        allow_other_offices=False, what="the demo's files are only broken in a demo database."
    )
    found = await Administration.filter(code=code).select_related("environment")
    if office is not None:
        found = [a for a in found if a.environment.office_code == office.upper()]
    if not found:
        raise DemoRefused(f"No administration {code}{f' in {office}' if office else ''}.")
    if len(found) > 1:
        offices = ", ".join(sorted(a.environment.office_code for a in found))
        raise DemoRefused(
            f"Several offices have an administration {code} ({offices}): name one with --office."
        )
    return found[0], found[0].environment.office_code


def _local_store(files: FileStore) -> DirectoryFileStore:
    """break-file works on the local disk store, the one `./dev up` uses."""
    if not isinstance(files, DirectoryFileStore):
        raise DemoRefused("Files are broken and restored on the local disk store only.")
    return files


async def break_file(
    settings: Settings, files: FileStore, code: str, office: str | None = None
) -> TakenFile:
    """Take the file of an administration's first document out of the store, as a lost file
    would be: its move then meets the fault for real and fails, to be retried or given up."""
    store = _local_store(files)
    administration, office_code = await _demo_administration(code, office)
    kept = settings.data_dir / TAKEN_FILES
    for document in await Document.filter(administration_id=administration.pk).order_by("id"):
        stored = store.root / object_name(document.storage_key)
        if not stored.exists():
            continue
        kept.mkdir(parents=True, exist_ok=True)
        os.replace(stored, kept / document.storage_key)
        sharing = await Document.filter(storage_key=document.storage_key).count()
        return TakenFile(document, administration, office_code, sharing)
    raise DemoRefused(f"No file of {administration.code} {administration.name} is left to take.")


async def restore_files(
    settings: Settings, files: FileStore, code: str, office: str | None = None
) -> int:
    """Put back what `break_file` took of an administration's files; how many came back."""
    store = _local_store(files)
    administration, _ = await _demo_administration(code, office)
    kept = settings.data_dir / TAKEN_FILES
    keys = await (
        Document.filter(administration_id=administration.pk)
        .distinct()
        .values_list("storage_key", flat=True)
    )
    restored = 0
    for key in keys:
        taken = kept / str(key)
        if taken.exists():
            stored = await store.put(taken.read_bytes())
            assert stored.key == taken.name, "the store names a file by its content"
            taken.unlink()
            restored += 1
    return restored
