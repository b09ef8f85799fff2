"""The viewer, users and their environment."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Self

import strawberry
from strawberry import relay

from api.identity import CACHE_ID
from api.schema.enums import PlanEnum, RoleEnum, TokenScopeEnum
from api.schema.user_errors import UserErrorCode
from models import Environment, User


@strawberry.type(name="Environment")
class EnvironmentType(relay.Node):
    """An accounting firm's office environment."""

    id: relay.NodeID[int]
    office_code: str
    name: str
    plan: PlanEnum

    @strawberry.field(
        description=(
            "The IANA time zone (for example Europe/Amsterdam) the office's dates are shown in; "
            "the overviews' search reads typed dates in it too."
        )
    )
    def time_zone(self, info: strawberry.Info) -> str:
        return str(info.context.settings.time_zone)

    @classmethod
    def from_model(cls, env: Environment) -> Self:
        return cls(id=env.pk, office_code=env.office_code, name=env.name, plan=env.plan)


@strawberry.type(name="User")
class UserType(relay.Node):
    """A person with an account in one environment."""

    id: relay.NodeID[int]
    email: str
    display_name: str
    role: RoleEnum
    environment_id: strawberry.Private[int]

    @strawberry.field(description="The environment this user belongs to.")
    async def environment(self, info: strawberry.Info) -> EnvironmentType:
        env = await info.context.loaders.environment.load(self.environment_id)
        return EnvironmentType.from_model(env)

    @classmethod
    def from_model(cls, user: User) -> Self:
        return cls(
            id=user.pk,
            email=user.email,
            display_name=user.display_name,
            role=user.role,
            environment_id=user.environment_id,
        )


@strawberry.enum
class ViewerAction(Enum):
    """What a screen offers a user at all, before any offer or administration is chosen."""

    OFFER = "OFFER"
    RECEIVE = "RECEIVE"
    MANAGE_TOKENS = "MANAGE_TOKENS"


@strawberry.type
class ViewerAbility:
    """Whether the viewer may do one thing at all now, and if not, why."""

    id: strawberry.ID = strawberry.field(description=CACHE_ID + " One per token and action.")
    action: ViewerAction
    allowed: bool
    reason: UserErrorCode | None = strawberry.field(
        description=(
            "Why not, as the mutations would refuse it: FORBIDDEN for anyone but a superuser "
            "and for a read-only token, NOT_PREMIUM for receiving in an office not on PREMIUM. "
            "Null when allowed."
        )
    )


@strawberry.type
class Viewer:
    """Who is asking: the user behind the token, and what the token may do."""

    id: strawberry.ID = strawberry.field(
        description=CACHE_ID + " The token's: each token of a user is a viewer of its own scope."
    )
    user: UserType
    environment: EnvironmentType
    token_scope: TokenScopeEnum
    abilities: list[ViewerAbility] = strawberry.field(
        description=(
            "What the viewer may do at all, one per ViewerAction: OFFER (offerMigration), "
            "RECEIVE (claimMigration; rejecting needs no PREMIUM) and MANAGE_TOKENS "
            "(createApiToken; everyone with a full token may revoke their own). Decided by the "
            "checks those mutations run first."
        )
    )
    created_at: strawberry.Private[datetime | None] = None
