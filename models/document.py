"""Bookkeeping documents: the archive that moves with an administration."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.functions import Count
from tortoise.models import Model

from models.enums import DocumentKind, DocumentStatus
from overdracht.filestore import FileProblem

if TYPE_CHECKING:
    from models.administration import Administration
    from models.user import User
    from overdracht.filestore import FileStore


class Document(Model):
    """A document with its stored file, metadata and history.

    People are kept twice: a link to the user (only valid inside the owning environment) and
    the display name as it was, which is all a receiving environment keeps (rule 4).
    """

    id = fields.BigIntField(primary_key=True)
    administration: fields.ForeignKeyRelation[Administration] = fields.ForeignKeyField(
        "models.Administration", related_name="documents", on_delete=fields.CASCADE
    )
    administration_id: int
    kind = fields.CharEnumField(DocumentKind, max_length=24)
    status = fields.CharEnumField(DocumentStatus, max_length=16)
    title = fields.CharField(max_length=300)
    file_name = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    # Computed as the file was stored; NULL for documents stored before it was recorded.
    md5 = fields.CharField(max_length=32, null=True)
    storage_key = fields.CharField(max_length=255)
    # Decoded JSON: the metadata is the package's own, free-form.
    metadata: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    history: fields.Field[list[dict[str, str]]] = fields.JSONField(default=list)
    uploaded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_id: int | None
    uploaded_by_name = fields.CharField(max_length=200, default="")
    approved_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    approved_by_id: int | None
    approved_by_name = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField()
    # What the scrubbing job last found wrong with the stored file, and when; NULL: nothing.
    damage = fields.CharEnumField(FileProblem, max_length=16, null=True)
    damage_found_at = fields.DatetimeField(null=True)

    class Meta:
        table = "document"
        # (administration_id, storage_key) serves a move verified from the store's listing, one
        # key range at a time; storage_key alone `overdracht storage copy`, which walks the
        # distinct keys in the order a bucket lists them.
        indexes = (
            ("administration_id", "status"),
            ("administration_id", "storage_key"),
            ("storage_key",),
        )


async def add_document(
    administration: Administration,
    files: FileStore,
    *,
    data: bytes,
    title: str,
    file_name: str,
    kind: DocumentKind,
    status: DocumentStatus,
    now: datetime,
    content_type: str = "application/pdf",
    uploaded_by: User | None = None,
    approved_by: User | None = None,
    metadata: dict[str, Any] | None = None,
) -> Document:
    """Store a file and record its document, so size and checksums always match the bytes."""
    stored = await files.put(data)
    history = [{"at": now.isoformat(), "action": "UPLOADED", "by": _name(uploaded_by)}]
    if approved_by is not None:
        history.append({"at": now.isoformat(), "action": status.value, "by": _name(approved_by)})
    return await Document.create(
        administration=administration,
        kind=kind,
        status=status,
        title=title,
        file_name=file_name,
        content_type=content_type,
        size=stored.size,
        sha256=stored.sha256,
        md5=stored.md5,
        storage_key=stored.key,
        metadata=metadata or {},
        history=history,
        uploaded_by=uploaded_by,
        uploaded_by_name=_name(uploaded_by),
        approved_by=approved_by,
        approved_by_name=_name(approved_by),
        created_at=now,
    )


def _name(user: User | None) -> str:
    return user.display_name if user is not None else ""


async def count_documents(
    administration_ids: list[int], *, damaged_only: bool = False
) -> dict[int, int]:
    """How many documents each administration's archive holds (or with a damaged file)."""
    query = Document.filter(administration_id__in=administration_ids)
    if damaged_only:
        query = query.filter(damage__not_isnull=True)
    rows = (
        await query.group_by("administration_id")
        .annotate(n=Count("id"))
        .values("administration_id", "n")
    )
    return {row["administration_id"]: row["n"] for row in rows}
