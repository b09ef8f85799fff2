"""What a notice's letter is made of, and the words it is written with, in any language.

A notice builds its letter from these blocks and plain strings; mail/layout.py writes the
blocks out as text and HTML, and mail/phrases.py gives the words: so a notice never writes
markup, and a language is never more than a column of phrases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from models.enums import MailLanguage


class Words(Protocol):
    """The phrases of one language, with dates in one time zone."""

    @property
    def language(self) -> MailLanguage:
        """The language the letter is written in."""
        ...

    def __call__(self, key: str, count: int | None = None, **values: object) -> str:
        """One phrase; a count picks singular or plural and fills `{n}`."""
        ...

    def when(self, moment: datetime) -> str:
        """A moment in the office's time zone, with the zone's abbreviation."""
        ...

    def day(self, moment: datetime) -> str:
        """The date alone, for a subject line."""
        ...

    def number(self, count: int) -> str:
        """A count with the thousands separator of the language."""
        ...


@dataclass(frozen=True)
class Paragraph:
    """A piece of running text."""

    text: str


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, such as dates and office names."""

    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class Highlight:
    """One value the reader must not miss, such as the transfer code."""

    label: str
    value: str


@dataclass(frozen=True)
class Steps:
    """What the reader does next, in order."""

    title: str
    items: list[str]


@dataclass(frozen=True)
class Item:
    """One row of an Items block: a title and its details."""

    title: str
    details: list[tuple[str, str]]


@dataclass(frozen=True)
class Items:
    """A list of things with the same details, such as the administrations of an offer."""

    title: str
    items: list[Item]


@dataclass(frozen=True)
class Button:
    """A link the reader should follow."""

    label: str
    url: str


Block = Paragraph | Facts | Highlight | Steps | Items | Button


@dataclass(frozen=True)
class Letter:
    """The content of one mail in one language, before it is written out as text and HTML."""

    language: MailLanguage
    subject: str
    greeting: str
    blocks: list[Block]
    closing: list[str] = field(default_factory=list)
