"""Documents of an administration's archive."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from api.schema.enums import DocumentKindEnum, DocumentStatusEnum, FileProblemEnum
from models import Document


@strawberry.type(name="Document")
class DocumentType(relay.Node):
    """A bookkeeping document with its file's size and checksum, and where to download it."""

    id: relay.NodeID[int]
    title: str
    kind: DocumentKindEnum
    status: DocumentStatusEnum
    file_name: str
    content_type: str
    file_size: int
    sha256: str
    uploaded_by_name: str
    approved_by_name: str
    metadata: JSON
    history: JSON
    created_at: datetime
    file_problem: FileProblemEnum | None = strawberry.field(
        description=(
            "What the file check found wrong with the stored file (null: nothing); such a "
            "document keeps its administration from moving until the file is restored."
        )
    )
    file_problem_found_at: datetime | None
    download_path: str = strawberry.field(
        description="Path of the file download, relative to the service URL; needs the same token."
    )

    @strawberry.field(
        description=(
            "A link to the file, relative to the service URL like downloadPath, that opens "
            "without the Authorization header for a few minutes, for you and this token only, "
            "and only while you may still see the document. It may end up in the browser's "
            "history: it expires, ask for a new one. Null for a token that may not see "
            "documents."
        )
    )
    def download_url(self, info: strawberry.Info) -> str | None:
        return info.context.download_url(self.id)  # type: ignore[no-any-return]

    @classmethod
    def from_model(cls, document: Document) -> Self:
        return cls(
            id=document.pk,
            title=document.title,
            kind=document.kind,
            status=document.status,
            file_name=document.file_name,
            content_type=document.content_type,
            file_size=document.size,
            sha256=document.sha256,
            uploaded_by_name=document.uploaded_by_name,
            approved_by_name=document.approved_by_name,
            metadata=JSON(document.metadata),
            history=JSON(document.history),
            created_at=document.created_at,
            file_problem=document.damage,
            file_problem_found_at=document.damage_found_at,
            download_path=f"/documents/{document.pk}/file",
        )
