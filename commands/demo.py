"""A small, realistic world to try every screen with; `overdracht seed-demo` may run often."""

from __future__ import annotations

from datetime import timedelta

from tortoise.transactions import in_transaction

from models import (
    AccountingConnection,
    Administration,
    ApiToken,
    AuthorizationFlow,
    AuthorizationStep,
    Environment,
    User,
    Workflow,
    add_administration,
    add_document,
)
from models.demo_world import DEMO_TOKENS, ENVIRONMENTS, USERS, DemoToken, foreign_data
from models.enums import AccountingPackage, DocumentKind, DocumentStatus, Role
from models.user import hash_token
from overdracht.clock import Clock
from overdracht.filestore import FileStore
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

# (office, connection name, code, name, what the checklist will say)
ADMINISTRATIONS = [
    ("K10234", "Exact Online", "1001", "Bakkerij De Gouden Korst", READY),
    ("K10234", "Exact Online", "1002", "Fietsenmaker Jansen", READY),
    ("K10234", "Exact Online", "1003", "Hoveniersbedrijf Groen", HAS_AUTHORIZER),
    ("K10234", "Exact Online", "1004", "Kapsalon Knip", HAS_ACTIVE_WORKFLOW),
    ("K10234", "Exact Online", "1005", "Loodgietersbedrijf Lek", HAS_PENDING_DOCUMENTS),
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


async def seed_demo(
    settings: Settings, clock: Clock, files: FileStore, *, allow_other_offices: bool = False
) -> list[DemoToken]:
    """Create whatever of the demo world is missing; running it twice changes nothing.

    The demo tokens are public strings, so the demo refuses a database with other offices
    (unless explicitly allowed) and never gives a token to a user of an office not the demo's.
    """
    now = clock.now()
    async with in_transaction():
        offices, strangers = await foreign_data()
        if strangers:
            raise DemoRefused(
                "These demo e-mail addresses belong to users of other offices; the public demo "
                f"tokens would act for them: {', '.join(strangers)}."
            )
        if offices and not allow_other_offices:
            raise DemoRefused(
                "This database holds offices that are not the demo's "
                f"({', '.join(offices[:5])}{', …' if len(offices) > 5 else ''}); the demo's "
                "tokens are public. Use another database, or pass --allow-other-offices."
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
            await _fill(administration, state, users, files, clock)
    return DEMO_TOKENS


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
