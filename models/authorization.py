"""Authorization flows and workflows: per-administration set-up that never moves (rule 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.administration import Administration
    from models.user import User


class AuthorizationFlow(Model):
    """The ordered authorizer steps documents of one administration pass through."""

    id = fields.IntField(primary_key=True)
    administration: fields.OneToOneRelation[Administration] = fields.OneToOneField(
        "models.Administration", related_name="authorization_flow", on_delete=fields.CASCADE
    )
    administration_id: int
    created_at = fields.DatetimeField()

    steps: fields.ReverseRelation[AuthorizationStep]

    class Meta:
        table = "authorization_flow"


class AuthorizationStep(Model):
    """One step of a flow, naming the authorizer who approves at that point."""

    id = fields.IntField(primary_key=True)
    flow: fields.ForeignKeyRelation[AuthorizationFlow] = fields.ForeignKeyField(
        "models.AuthorizationFlow", related_name="steps", on_delete=fields.CASCADE
    )
    flow_id: int
    position = fields.SmallIntField()
    authorizer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="authorization_steps", on_delete=fields.CASCADE
    )
    authorizer_id: int

    class Meta:
        table = "authorization_step"
        unique_together = (("flow", "position"),)


class Workflow(Model):
    """An automation on the documents of an administration, an active one blocks an offer."""

    id = fields.IntField(primary_key=True)
    administration: fields.ForeignKeyRelation[Administration] = fields.ForeignKeyField(
        "models.Administration", related_name="workflows", on_delete=fields.CASCADE
    )
    administration_id: int
    name = fields.CharField(max_length=200)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "workflow"
