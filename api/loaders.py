"""DataLoaders, made anew for every request so nothing is cached across requests or tenants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.functions import Count
from tortoise.models import Model

from models import AccountingConnection, Document, Environment, User

M = TypeVar("M", bound=Model)


def _by_id(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: Sequence[int]) -> list[M | None]:
        rows = {row.pk: row for row in await model.filter(pk__in=list(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def _document_counts(administration_ids: Sequence[int]) -> list[int]:
    rows: list[dict[str, Any]] = (
        await Document.filter(administration_id__in=list(administration_ids))
        .group_by("administration_id")
        .annotate(n=Count("id"))
        .values("administration_id", "n")
    )
    counts = {row["administration_id"]: row["n"] for row in rows}
    return [counts.get(i, 0) for i in administration_ids]


@dataclass
class Loaders:
    """One loader per kind of related data a GraphQL field may need."""

    environment: DataLoader[int, Environment | None] = field(
        default_factory=lambda: _by_id(Environment)
    )
    connection: DataLoader[int, AccountingConnection | None] = field(
        default_factory=lambda: _by_id(AccountingConnection)
    )
    user: DataLoader[int, User | None] = field(default_factory=lambda: _by_id(User))
    document_count: DataLoader[int, int] = field(
        default_factory=lambda: DataLoader(load_fn=_document_counts)
    )
