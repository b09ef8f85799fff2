"""Writing a notice out as a mail: its letter in its language, as a subject, text and HTML.

A step queues a notice's data (models/notices); the dispatcher writes it out here when it
first sends it, in the office's time zone, and keeps the words on the row, so every later
attempt sends the same mail under the same Message-ID.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from mail.formatting import DEFAULT_TIME_ZONE
from mail.layout import to_html, to_text
from mail.phrases import Words
from models.enums import MailLanguage
from models.notices import notice_of
from models.notices.notice import Notice
from models.outbox import OutboxMail, queue_mail
from overdracht.settings import Settings

SUBJECT_MAX = OutboxMail._meta.fields_map["subject"].max_length  # type: ignore[attr-defined]


@dataclass(frozen=True)
class RenderedMail:
    """A mail written out: its kind, subject and both body parts."""

    kind: str
    subject: str
    text: str
    html: str


def render(notice: Notice, time_zone: str = DEFAULT_TIME_ZONE) -> RenderedMail:
    """Write a notice out in its language and the office's time zone, as text and HTML."""
    language = MailLanguage(notice.language) if notice.language else MailLanguage.NL
    letter = notice.letter(Words(language, ZoneInfo(time_zone)))
    return RenderedMail(
        kind=notice.kind, subject=letter.subject, text=to_text(letter), html=to_html(letter)
    )


def fit_subject(subject: str) -> str:
    """A subject that fits its column; very long names are cut with an ellipsis."""
    subject = " ".join(subject.split())
    return subject if len(subject) <= SUBJECT_MAX else subject[: SUBJECT_MAX - 1] + "…"


def written(mail: OutboxMail, time_zone: str) -> RenderedMail:
    """A mail of the outbox as it is sent: as written, or its notice written out now."""
    if mail.notice is None or mail.text_body:
        return RenderedMail(mail.kind, mail.subject, mail.text_body, mail.html_body)
    return render(notice_of(mail.kind, mail.notice), time_zone)


def write_out(mail: OutboxMail, time_zone: str) -> dict[str, str]:
    """Write a queued notice out on its row, unless it was already: the columns filled, for
    the row's next update."""
    if mail.notice is None or mail.text_body:
        return {}
    rendered = written(mail, time_zone)
    written_out = {
        "subject": fit_subject(rendered.subject),
        "text_body": rendered.text,
        "html_body": rendered.html,
    }
    for column, value in written_out.items():
        setattr(mail, column, value)
    return written_out


async def enqueue(
    rendered: RenderedMail,
    *,
    to: list[str],
    cc: list[str] | None,
    language: MailLanguage,
    settings: Settings,
    now: datetime,
    migration_id: int | None = None,
) -> OutboxMail:
    """Queue a mail already written, as it is, on the caller's transaction."""
    return await queue_mail(
        rendered.kind,
        to=to,
        cc=cc,
        language=language,
        settings=settings,
        now=now,
        migration_id=migration_id,
        subject=fit_subject(rendered.subject),
        text=rendered.text,
        html=rendered.html,
    )
