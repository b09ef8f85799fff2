"""UTC for mail headers, and package names as their users know them."""

from __future__ import annotations

from datetime import UTC, datetime

from models.enums import AccountingPackage

DEFAULT_TIME_ZONE = "Europe/Amsterdam"


def as_utc(moment: datetime) -> datetime:
    """A moment in UTC, for mail headers; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def package_label(package: str) -> str:
    """The name of an accounting package as its users know it, e.g. "Exact Online"."""
    key = str(package).upper()
    if key in AccountingPackage.__members__:
        return AccountingPackage[key].display_name
    return key.replace("_", " ").title()
