"""Bookkeeping documents: the archive that moves with an administration."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.enums import DocumentKind, DocumentStatus


class Document(Model):
    """A document with its stored file, metadata and history.

    People are kept twice: a link to the user (only valid inside the owning environment) and
    the display name as it was, which is all a receiving environment keeps (rule 4).
    """

    id = fields.BigIntField(primary_key=True)
    administration = fields.ForeignKeyField(
        "models.Administration", related_name="documents", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(DocumentKind, max_length=24)
    status = fields.CharEnumField(DocumentStatus, max_length=16)
    title = fields.CharField(max_length=300)
    file_name = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    storage_key = fields.CharField(max_length=255)
    metadata: fields.Field[dict] = fields.JSONField(default=dict)
    history: fields.Field[list] = fields.JSONField(default=list)
    uploaded_by = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_name = fields.CharField(max_length=200, default="")
    approved_by = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    approved_by_name = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField()

    class Meta:
        table = "document"
        indexes = (("administration_id", "status"),)
