"""A mail is queued on the transaction of the change that causes it and delivered over SMTP."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tortoise.transactions import in_transaction

from mail.composing import RenderedMail, enqueue
from models.enums import MailLanguage, MailStatus
from models.outbox import OutboxMail, dedupe_addresses
from worker.dispatcher import MailDispatcher

RENDERED = RenderedMail(
    kind="OFFER",
    subject="Overdrachtscode voor 1 administratie",
    text="De code is 7KQM-3XWP-9HTR-CD4F-MNB2.\n",
    html="<p>De code is <b>7KQM-3XWP-9HTR-CD4F-MNB2</b>.</p>",
)


class ChangeFailed(Exception):
    """Stands for anything that makes the caller's change roll back."""


async def queue(settings, clock, **changes) -> OutboxMail:
    arguments = {
        "to": ["recipient@target.example"],
        "cc": ["requester@source.example"],
        "language": MailLanguage.NL,
        "settings": settings,
        "now": clock.now(),
    } | changes
    return await enqueue(RENDERED, **arguments)


async def test_a_change_that_rolls_back_leaves_no_mail(settings, clock):
    with pytest.raises(ChangeFailed):
        async with in_transaction():
            await queue(settings, clock)
            assert await OutboxMail.all().count() == 1
            raise ChangeFailed
    assert await OutboxMail.all().count() == 0


async def test_a_committed_change_keeps_its_mail(settings, clock):
    async with in_transaction():
        mail = await queue(settings, clock)
    stored = await OutboxMail.get(id=mail.id)
    assert stored.status == MailStatus.PENDING
    assert stored.attempts == 0
    assert stored.next_attempt_at == clock.now()
    assert stored.sender == settings.smtp.sender
    assert stored.message_id.startswith("<") and stored.message_id.endswith("@overdracht.example>")


async def test_every_mail_gets_its_own_message_id(settings, clock):
    first = await queue(settings, clock)
    second = await queue(settings, clock)
    assert first.message_id != second.message_id


def test_addresses_are_deduplicated_without_regard_to_case():
    to, cc = dedupe_addresses(
        ["Anna@Target.example", "anna@target.example", " bob@target.example "],
        ["ANNA@TARGET.EXAMPLE", "req@source.example", "Req@Source.example"],
    )
    assert to == ["Anna@Target.example", "bob@target.example"]
    assert cc == ["req@source.example"]


async def test_a_mail_needs_a_recipient(settings, clock):
    with pytest.raises(ValueError):
        await queue(settings, clock, to=[" "])


async def test_a_queued_mail_is_delivered_to_to_and_cc(mail_settings, clock, smtp_server):
    mail = await queue(
        mail_settings,
        clock,
        to=["anna@target.example", "bob@target.example"],
        cc=["Bob@Target.example", "requester@source.example"],
    )

    assert await MailDispatcher(mail_settings, clock).deliver_due() == 1

    [received] = smtp_server.messages
    assert received.envelope_to == [
        "anna@target.example",
        "bob@target.example",
        "requester@source.example",
    ]
    message = received.message
    assert message["To"] == "anna@target.example, bob@target.example"
    assert message["Cc"] == "requester@source.example"
    assert message["From"] == mail_settings.smtp.sender
    assert message["Subject"] == RENDERED.subject
    assert message["Message-ID"] == mail.message_id
    assert message["Date"].datetime == clock.now()
    assert message.get_content_type() == "multipart/alternative"
    parts = {
        part.get_content_type(): part.get_content().replace("\r\n", "\n")
        for part in message.iter_parts()
    }
    assert parts == {"text/plain": RENDERED.text, "text/html": RENDERED.html + "\n"}

    stored = await OutboxMail.get(id=mail.id)
    assert stored.status == MailStatus.SENT
    assert stored.sent_at == clock.now()
    assert stored.attempts == 1
    assert stored.locked_until is None


async def test_a_mail_is_sent_only_once(mail_settings, clock, smtp_server):
    await queue(mail_settings, clock)
    dispatcher = MailDispatcher(mail_settings, clock)
    assert await dispatcher.deliver_due() == 1
    assert await dispatcher.deliver_due() == 0
    assert len(smtp_server.messages) == 1


async def test_a_mail_queued_for_later_waits(mail_settings, clock, smtp_server):
    later = datetime(2100, 1, 1, tzinfo=UTC)
    await queue(mail_settings, clock, now=later)
    assert await MailDispatcher(mail_settings, clock).deliver_due() == 0
    assert smtp_server.messages == []


def test_a_long_subject_stays_on_its_header_line():
    from mail.smtp import build_message
    from models.outbox import OutboxMail

    subject = (
        "Overdrachtscode voor 2 administraties van Bosman & Partners Administratiekantoor (K10002)"
    )
    mail = OutboxMail(
        kind="OFFER",
        message_id="<x@overdracht.example>",
        sender="Overdracht <noreply@overdracht.example>",
        to=["eva@bosman.example"],
        cc=[],
        subject=subject,
        text_body="t\n",
        html_body="<p>t</p>",
        language="NL",
        created_at=datetime(2026, 11, 1, tzinfo=UTC),
    )
    raw = build_message(mail).as_bytes()
    assert f"Subject: {subject}\n".encode() in raw
