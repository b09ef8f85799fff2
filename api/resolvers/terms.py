"""The terms a screen shows before offering or receiving, for every signed-in user."""

from __future__ import annotations

import strawberry

from api.schema.terms import Terms
from models.terms import VERSION


def resolve_terms(info: strawberry.Info) -> Terms:
    """The current version; its text comes per language from the field that asks for it."""
    info.context.require_token()
    return Terms(version=VERSION)
