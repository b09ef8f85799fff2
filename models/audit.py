"""The audit trail: who did what to a migration, when, and from which environment (rule 16)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.enums import AuditAction

if TYPE_CHECKING:
    from models.environment import Environment
    from models.offers import Migration, MigrationAdministration
    from models.user import User


SYSTEM_ACTOR = "Overdracht"  # the name steps taken by the service itself are recorded under


class AuditEvent(Model):
    """One recorded step, visible to the superusers of the environments involved."""

    id = fields.BigIntField(primary_key=True)
    migration: fields.ForeignKeyNullableRelation[Migration] = fields.ForeignKeyField(
        "models.Migration", related_name="audit_events", null=True, on_delete=fields.CASCADE
    )
    migration_id: int | None
    item: fields.ForeignKeyNullableRelation[MigrationAdministration] = fields.ForeignKeyField(
        "models.MigrationAdministration",
        related_name="audit_events",
        null=True,
        on_delete=fields.CASCADE,
    )
    item_id: int | None
    action = fields.CharEnumField(AuditAction, max_length=24)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    actor_id: int | None
    actor_name = fields.CharField(max_length=200, default="")
    actor_environment: fields.ForeignKeyNullableRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    actor_environment_id: int | None
    at = fields.DatetimeField()
    # Decoded JSON: its values are whatever the step recorded (names, counts, codes).
    detail: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "audit_event"
        indexes = (("migration_id", "at"),)


async def record_each(
    action: AuditAction,
    details: Sequence[tuple[int, dict[str, Any]]],
    *,
    at: datetime,
    migration_id: int,
    actor: User | None = None,
    actor_environment_id: int | None = None,
) -> None:
    """Record one step of many administrations (per item id, its detail) in one statement, so
    an offer or a claim of hundreds costs what one of a few costs."""
    environment_id = actor_environment_id
    if environment_id is None and actor is not None:
        environment_id = actor.environment_id
    await AuditEvent.bulk_create(
        [
            AuditEvent(
                migration_id=migration_id,
                item_id=item_id,
                action=action,
                actor=actor,
                actor_name=actor.display_name if actor else SYSTEM_ACTOR,
                actor_environment_id=environment_id,
                at=at,
                detail=detail,
            )
            for item_id, detail in details
        ]
    )


async def record(
    action: AuditAction,
    *,
    at: datetime,
    migration_id: int | None,
    item_id: int | None = None,
    actor: User | None = None,
    actor_environment_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one step; the actor's name is kept as it was, so it survives the user."""
    return await AuditEvent.create(
        migration_id=migration_id,
        item_id=item_id,
        action=action,
        actor=actor,
        actor_name=actor.display_name if actor else SYSTEM_ACTOR,
        actor_environment_id=actor_environment_id
        if actor_environment_id is not None
        else (actor.environment_id if actor else None),
        at=at,
        detail=detail or {},
    )
