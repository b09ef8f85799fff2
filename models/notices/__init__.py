"""Every notice Overdracht sends, known by the kind its outbox row stores."""

from __future__ import annotations

from typing import Any

from models.notices import move, offer, reception, webhook
from models.notices.notice import Notice

# The modules that define the notices: imported here, so that every notice is known by its kind.
DEFINED_IN = (offer, reception, move, webhook)


def notice_classes() -> dict[str, type[Notice]]:
    """Every kind of notice there is, with its class."""
    found: dict[str, type[Notice]] = {}
    classes = list(Notice.__subclasses__())
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if "kind" in vars(cls):
            found[cls.kind] = cls
    return found


def notice_kinds() -> set[str]:
    """Every kind of notice there is."""
    return set(notice_classes())


def notice_of(kind: str, data: dict[str, Any]) -> Notice:
    """The notice an outbox row holds, as it was queued."""
    return notice_classes()[kind].from_data(data)
