"""Permission classes applied to whole groups of fields, so none can be forgotten."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission


class CanWrite(BasePermission):
    """Every mutation refuses read-only (partner) tokens."""

    message = "This token is read-only: it may query but not change anything."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        token = info.context.token
        return token is None or not token.is_read_only


def mutation(**kwargs: Any) -> Any:
    """A mutation field: refused to read-only tokens before any resolver runs."""
    return strawberry.mutation(permission_classes=[CanWrite], **kwargs)
