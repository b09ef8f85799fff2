"""The audit trail: who did what to a migration, when, and from which environment (rule 16)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.enums import AuditAction


class AuditEvent(Model):
    """One recorded step, visible to the superusers of the environments involved."""

    id = fields.BigIntField(primary_key=True)
    migration = fields.ForeignKeyField(
        "models.Migration", related_name="audit_events", null=True, on_delete=fields.CASCADE
    )
    item = fields.ForeignKeyField(
        "models.MigrationItem", related_name="audit_events", null=True, on_delete=fields.CASCADE
    )
    action = fields.CharEnumField(AuditAction, max_length=24)
    actor = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    actor_name = fields.CharField(max_length=200, default="")
    actor_environment = fields.ForeignKeyField(
        "models.Environment", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    at = fields.DatetimeField()
    detail: fields.Field[dict] = fields.JSONField(default=dict)

    class Meta:
        table = "audit_event"
        indexes = (("migration_id", "at"),)
