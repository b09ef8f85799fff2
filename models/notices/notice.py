"""A notice: what happened, told to whom, with which data, and the letter that says it.

A notice is queued as an outbox row in the transaction of the step that caused it, holding
its data rather than its text; mail/ writes it out in the offer's language with the phrases
of mail/phrases.py when it is sent. So adding a notice is adding one class (in offer.py,
reception.py or move.py, by whom it is about) and its phrases; adding a language is adding a
column of phrases.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from typing import Any, ClassVar, Self, TypedDict, get_args, get_origin, get_type_hints

from models.enums import MailLanguage, package_label
from models.notices.letter import Block, Item, Items, Letter, Words
from models.offers import Migration, MigrationAdministration
from models.outbox import OutboxMail, queue_mail
from overdracht.global_id import global_id
from overdracht.settings import Settings

SIGNATURE = "Overdracht"


def offer_page(settings: Settings, migration: Migration) -> str:
    """Where a mail's button leads: the offer's page, which sends its receiver on to theirs."""
    return settings.offer_page_url(global_id("Migration", migration.pk))


@dataclasses.dataclass(frozen=True)
class AdministrationLine:
    """One administration as a notice lists it."""

    name: str
    code: str
    package: str
    document_count: int
    inbound_mail_address: str

    @classmethod
    def of_item(cls, item: MigrationAdministration, package: str) -> AdministrationLine:
        """An administration of an offer as it was when offered."""
        return cls(
            name=item.administration_name,
            code=item.administration_code,
            package=package,
            document_count=item.documents_total,
            inbound_mail_address=item.inbound_mail_address,
        )


def lines(
    migration: Migration, items: Sequence[MigrationAdministration]
) -> list[AdministrationLine]:
    """The administrations of an offer a notice is about, as it lists them."""
    return [AdministrationLine.of_item(item, migration.package.value) for item in items]


def receivers(items: Sequence[MigrationAdministration]) -> list[str]:
    """Who received these administrations, for the notices that tell them too."""
    return [item.received_by_email for item in items if item.received_by_email]


class Notice:
    """A mail Overdracht sends; `kind` is stored with its outbox row, the fields as its data."""

    kind: ClassVar[str]
    language: MailLanguage

    def letter(self, w: Words) -> Letter:
        """The mail's content in the language and time zone of `w`."""
        raise NotImplementedError

    def data(self) -> dict[str, Any]:
        """The notice's fields as JSON, for its outbox row."""
        return {
            field.name: _to_json(getattr(self, field.name))
            for field in dataclasses.fields(self)  # type: ignore[arg-type]
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Self:
        """The notice as it was queued, from its outbox row."""
        return _from_json(cls, data)  # type: ignore[no-any-return]

    async def post(
        self,
        migration: Migration,
        *,
        to: Sequence[str],
        cc: Sequence[str],
        settings: Settings,
        now: datetime,
    ) -> OutboxMail:
        """Queue this notice about an offer, in the offer's language, with the caller's change."""
        return await queue_mail(
            self.kind,
            to=list(to),
            cc=list(cc),
            language=migration.language,
            settings=settings,
            now=now,
            migration_id=migration.pk,
            notice=self.data(),
        )


def _to_json(value: object) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_to_json(part) for part in value]
    return value


def _from_json(hint: Any, raw: Any) -> Any:
    """A value of the type `hint` from its JSON: the fields of notices are plain data."""
    if raw is None:
        return None
    if hint is datetime:
        return datetime.fromisoformat(raw)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(raw)
    if get_origin(hint) is list:
        (part,) = get_args(hint)
        return [_from_json(part, value) for value in raw]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        return hint(
            **{
                f.name: _from_json(hints[f.name], raw[f.name])
                for f in dataclasses.fields(hint)
                if f.name in raw
            }
        )
    return raw


# -- what every letter is made of --------------------------------------------------------------


def signed_letter(w: Words, subject: str, blocks: list[Block]) -> Letter:
    """A letter with the greeting and closing every notice has."""
    return Letter(
        language=w.language,
        subject=subject,
        greeting=w("greeting"),
        blocks=blocks,
        closing=[w("regards"), SIGNATURE],
    )


def _details(w: Words, line: AdministrationLine) -> list[tuple[str, str]]:
    return [
        (w("label.code"), line.code),
        (w("label.package"), package_label(line.package)),
        (w("label.documents"), w.number(line.document_count)),
        (w("label.inbound"), line.inbound_mail_address),
    ]


def listed(w: Words, key: str, administrations: list[AdministrationLine]) -> Items:
    """The administrations a notice is about, under the title its phrase `key` gives."""
    return Items(
        title=w(key, len(administrations)),
        items=[Item(line.name, _details(w, line)) for line in administrations],
    )


class Counted(TypedDict):
    """The count words a letter passes on to its phrases by name."""

    administrations: str
    them: str
    these: str


def counted(w: Words, administrations: list[AdministrationLine]) -> Counted:
    """The words every letter about several administrations needs, for its count."""
    count = len(administrations)
    return {
        "administrations": w("administrations", count),
        "them": w("them", count),
        "these": w("these", count),
    }


def still_yours(w: Words, count: int) -> str:
    """Nothing moved: the administrations are still the reader's, free to offer again."""
    return f"{w('nothing_moved')} {w('still_yours', count)} " + w(
        "offer_again", them=w("them", count)
    )
