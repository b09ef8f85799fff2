"""The seeded world a fuzz run works in: the demo offices, tokens of every role, real values.

Random IDs and strings mostly bounce off the first lookup, so the generated requests also draw
from pools of real values (every object's global ID, transfer codes, addresses, cursors) that
make resolvers run all the way. The pools are refreshed as the run creates and revokes things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.models import Model

from api.ids import encode_global_id
from api.resolvers.administrations import BY_NAME_AND_CODE
from api.resolvers.documents import NEWEST_FIRST
from api.resolvers.overview import overview_order
from api.schema.overview import OverviewOrder
from commands.demo import seed_demo
from models import (
    AccountingConnection,
    Administration,
    ApiToken,
    Document,
    Environment,
    Migration,
    MigrationAdministration,
    User,
)
from models.enums import TokenScope
from overdracht.clock import SystemClock
from overdracht.scratch_database import open_migrated
from overdracht.settings import Settings
from overdracht.storage import open_file_store


@dataclass(frozen=True)
class Role:
    """Whose token a request carries: a demo user, with a full or a read-only token."""

    name: str
    email: str
    scope: TokenScope = TokenScope.FULL


ROLES = [
    Role("superuser", "anna@vandijk.example"),
    Role("user", "bram@vandijk.example"),
    Role("partner", "anna@vandijk.example", TokenScope.READ_ONLY),
    Role("restricted", "dirk@klant.example"),
    Role("target superuser", "eva@bosman.example"),
]

# GraphQL type name of each model whose global IDs the pools hold.
NODE_TYPES: list[tuple[str, type[Model]]] = [
    ("Environment", Environment),
    ("User", User),
    ("AccountingConnection", AccountingConnection),
    ("Administration", Administration),
    ("ApiToken", ApiToken),
    ("Migration", Migration),
    ("MigrationAdministration", MigrationAdministration),
    ("Document", Document),
]

# Offered to Eva before the run: one offer for each, so that codes and offers exist.
OFFERED = ["1001", "2001"]
SEARCH_TERMS = ["bakkerij", "korst", "1001", "K10234", "2026", "vandijk", "OFFERED", "%", "_"]


@dataclass
class World:
    """Tokens by role and the pools of real values; lists, so strategies see them change."""

    tokens: dict[str, str] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    ids_by_type: dict[str, list[str]] = field(default_factory=dict)
    codes: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)


async def open_world(settings: Settings) -> None:
    """Migrate the database, connect to it and create the demo world in it."""
    await open_migrated(settings.database_url)
    files = open_file_store(settings)
    await seed_demo(settings, SystemClock(), files)


async def issue_token(role: Role) -> str:
    """A fresh token for the role's user: at the start, and again when the run revoked one."""
    user = await User.get(email=role.email)
    _, secret = await ApiToken.issue(
        user, now=SystemClock().now(), scope=role.scope, label=f"fuzz {role.name}"
    )
    return secret


async def offerable_administration_ids() -> list[str]:
    """Van Dijk's administrations that are ready to offer (1001 and 2001), as global IDs."""
    rows = await Administration.filter(code__in=OFFERED, environment__office_code="K10234")
    return [encode_global_id("Administration", row.pk) for row in rows]


async def refresh_pools(world: World) -> None:
    """Fill the pools with what the database holds now."""
    for type_name, model in NODE_TYPES:
        keys = await model.all().order_by("-id").limit(50).values_list("id", flat=True)
        world.ids_by_type[type_name] = [encode_global_id(type_name, pk) for pk in keys]
    ids = [gid for type_ids in world.ids_by_type.values() for gid in type_ids]
    codes = []
    for code in await Migration.all().values_list("transfer_code", flat=True):
        codes += [code, code.lower().replace("-", ""), code.replace("-", " ")]
    world.ids[:] = ids
    world.codes[:] = codes
    world.emails[:] = await User.all().values_list("email", flat=True)
    # Cursors of real rows in the lists' default orders: a page after them goes all the way.
    newest_offer = overview_order(OverviewOrder())
    world.cursors[:] = [
        *(BY_NAME_AND_CODE.cursor(row) for row in await Administration.all().limit(3)),
        *(NEWEST_FIRST.cursor(row) for row in await Document.all().limit(3)),
        *(newest_offer.cursor(row) for row in await MigrationAdministration.all().limit(3)),
    ]
    world.strings[:] = [*SEARCH_TERMS, *world.emails, *world.codes, *world.cursors]
