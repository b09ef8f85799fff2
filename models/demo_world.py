"""Who lives in the demo world and its public tokens, and whether a database holds only that.

`overdracht seed-demo` creates this world; the sign-in page of a development service offers its
users. Both first ask `foreign_data`: the tokens are public strings, so they must never act in a
database that holds real offices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.enums import Plan, Role, TokenScope
from models.environment import Environment
from models.user import ApiToken, User, hash_token


@dataclass(frozen=True)
class DemoToken:
    """A demo user's token; fixed strings so the documentation's examples work as written."""

    secret: str
    email: str
    scope: TokenScope = TokenScope.FULL


ENVIRONMENTS = [
    ("K10234", "Van Dijk Accountants", Plan.STANDARD),
    ("K20567", "Bosman & Partners Administratiekantoor", Plan.PREMIUM),
    ("K30999", "Starter Boekhouding", Plan.TRIAL),
]

USERS = [
    ("K10234", "anna@vandijk.example", "Anna de Vries", Role.SUPERUSER),
    ("K10234", "bram@vandijk.example", "Bram Smit", Role.USER),
    ("K10234", "carla@vandijk.example", "Carla Mulder", Role.AUTHORIZER),
    ("K10234", "dirk@klant.example", "Dirk Visser", Role.RESTRICTED_CLIENT),
    ("K20567", "eva@bosman.example", "Eva Bosman", Role.SUPERUSER),
    # A second superuser of the target, so an offer's recipients can be changed within it.
    ("K20567", "ruud@bosman.example", "Ruud de Boer", Role.SUPERUSER),
    ("K20567", "frank@bosman.example", "Frank Bakker", Role.USER),
    ("K30999", "gijs@starter.example", "Gijs Starter", Role.SUPERUSER),
]

DEMO_TOKENS = [
    DemoToken("ovd_demo_anna_vandijk_superuser", "anna@vandijk.example"),
    DemoToken("ovd_demo_bram_vandijk_user", "bram@vandijk.example"),
    DemoToken("ovd_demo_eva_bosman_superuser", "eva@bosman.example"),
    DemoToken("ovd_demo_gijs_starter_superuser", "gijs@starter.example"),
    DemoToken("ovd_demo_vandijk_partner_readonly", "anna@vandijk.example", TokenScope.READ_ONLY),
]


async def foreign_data() -> tuple[list[str], list[str]]:
    """Offices that are not the demo's, and demo e-mail addresses used in another office."""
    demo_offices = {(code, name) for code, name, _ in ENVIRONMENTS}
    offices = [
        f"{env.office_code} {env.name}"
        for env in await Environment.all().order_by("office_code")
        if (env.office_code, env.name) not in demo_offices
    ]
    office_of = {email: office for office, email, _, _ in USERS}
    users = await User.filter(email__in=list(office_of)).select_related("environment")
    strangers = [u.email for u in users if u.environment.office_code != office_of[u.email]]
    return offices, sorted(strangers)


@dataclass(frozen=True)
class DemoSignIn:
    """One button of the sign-in page: a demo user and the public token it signs in with."""

    token: str
    name: str
    email: str
    role: Role
    office_code: str
    office_name: str
    scope: TokenScope


async def demo_sign_ins(now: datetime) -> list[DemoSignIn]:
    """The demo users with a usable demo token, if the database holds the demo world and no more.

    Nothing while any office or demo address is not the demo's: a database seeded with
    `--allow-other-offices`, or a real one, never has its tokens shown.
    """
    offices, strangers = await foreign_data()
    if offices or strangers:
        return []
    by_hash = {hash_token(token.secret): token for token in DEMO_TOKENS}
    found = {
        token.token_hash: token
        for token in await ApiToken.usable(now).filter(token_hash__in=list(by_hash))
    }
    demo_emails = {email for _, email, _, _ in USERS}
    sign_ins = []
    for token_hash, demo in by_hash.items():
        token = found.get(token_hash)
        if token is None or not token.user.is_active or token.user.email not in demo_emails:
            continue
        environment = token.user.environment
        sign_ins.append(
            DemoSignIn(
                token=demo.secret,
                name=token.user.display_name,
                email=token.user.email,
                role=token.user.role,
                office_code=environment.office_code,
                office_name=environment.name,
                scope=token.scope,
            )
        )
    return sign_ins
