"""Dates, numbers and package names written for people, the same way in every mail."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from models.enums import MailLanguage

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# How the accounting packages call themselves; anything unknown is derived from the enum name.
PACKAGE_LABELS = {
    "EXACT_ONLINE": "Exact Online",
    "TWINFIELD": "Twinfield",
    "MULTIVERS": "Multivers",
    "XERO": "Xero",
    "ACCOUNTVIEW": "AccountView",
    "SNELSTART": "SnelStart",
    "AFAS": "AFAS",
}


DEFAULT_TIME_ZONE = "Europe/Amsterdam"


def as_utc(moment: datetime) -> datetime:
    """A moment in UTC, for mail headers; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_datetime(
    moment: datetime,
    language: MailLanguage,
    zone: ZoneInfo | None = None,
    *,
    with_time: bool = True,
) -> str:
    """A moment as a reader in the office writes it: local time, the zone's abbreviation."""
    local = as_utc(moment).astimezone(zone or ZoneInfo(DEFAULT_TIME_ZONE))
    months = MONTHS_EN if language == MailLanguage.EN else MONTHS_NL
    date = f"{local.day} {months[local.month - 1]} {local.year}"
    if not with_time:
        return date
    clock = f"{local.hour:02d}:{local.minute:02d}"
    abbreviation = local.tzname() or "UTC"
    if language == MailLanguage.EN:
        return f"{date}, {clock} {abbreviation}"
    return f"{date} om {clock} ({abbreviation})"


def format_count(number: int, language: MailLanguage) -> str:
    """A whole number with the thousands separator the reader's language uses."""
    grouped = f"{number:,}"
    return grouped if language == MailLanguage.EN else grouped.replace(",", ".")


def plural(number: int, one: str, many: str) -> str:
    """The singular or plural noun for a count."""
    return one if number == 1 else many


def package_label(package: str) -> str:
    """The name of an accounting package as its users know it, e.g. "Exact Online"."""
    key = str(package).upper()
    return PACKAGE_LABELS.get(key, key.replace("_", " ").title())
