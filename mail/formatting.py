"""Dates, numbers and package names written for people, the same way in every mail."""

from __future__ import annotations

from datetime import UTC, datetime

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


def as_utc(moment: datetime) -> datetime:
    """Mails state times in UTC; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_datetime(moment: datetime, language: MailLanguage) -> str:
    """A moment as a reader writes it, with month names that do not depend on the locale."""
    moment = as_utc(moment)
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if language == MailLanguage.EN:
        return f"{moment.day} {MONTHS_EN[moment.month - 1]} {moment.year}, {clock} UTC"
    return f"{moment.day} {MONTHS_NL[moment.month - 1]} {moment.year} om {clock} (UTC)"


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
