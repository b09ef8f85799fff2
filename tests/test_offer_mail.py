"""The offer and withdrawal mails, through the real API and a real SMTP server on loopback."""

from __future__ import annotations

from datetime import datetime, timedelta

from mail.phrases import format_datetime
from models import OutboxMail
from models.enums import MailLanguage
from tests.documents import WITHDRAW
from tests.scenarios import TARGET_SUPERUSER, Scenario
from worker.dispatcher import MailDispatcher


def parts(received) -> tuple[str, str]:
    message = received.message
    assert message.get_content_type() == "multipart/alternative"
    return (
        message.get_body(("plain",)).get_content(),
        message.get_body(("html",)).get_content(),
    )


async def test_offer_mail_goes_to_recipients_with_requester_in_copy_in_dutch(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    migration = await scenario.offer()
    assert await MailDispatcher(mail_settings, clock).deliver_due() == 1
    [received] = smtp_server.messages
    assert received.message["To"] == TARGET_SUPERUSER
    assert received.message["Cc"] == scenario.superuser.email
    assert sorted(received.envelope_to) == sorted([TARGET_SUPERUSER, scenario.superuser.email])
    text, html = parts(received)
    for body in (text, html):
        assert migration["transferCode"] in body
        assert "Bakkerij De Korst" in body
    expires_at = datetime.fromisoformat(migration["expiresAt"])
    assert format_datetime(expires_at, MailLanguage.NL) in text
    assert "overdrachtscode" in text.lower()


async def test_offer_mail_in_english_on_request(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    migration = await scenario.offer(language="EN")
    await MailDispatcher(mail_settings, clock).deliver_due()
    text, _ = parts(smtp_server.messages[0])
    assert "transfer code" in text.lower()
    assert migration["transferCode"] in text


async def test_offering_succeeds_with_the_mail_server_down_and_the_mail_arrives_once_later(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    await smtp_server.stop()
    migration = await scenario.offer()
    dispatcher = MailDispatcher(mail_settings, clock)
    assert await dispatcher.deliver_due() == 0
    mail = await OutboxMail.get()
    assert mail.status == "PENDING" and mail.attempts == 1

    await smtp_server.start()
    clock.advance(timedelta(minutes=2))
    assert await dispatcher.deliver_due() == 1
    assert await dispatcher.deliver_due() == 0
    clock.advance(timedelta(hours=2))
    assert await dispatcher.deliver_due() == 0
    assert smtp_server.message_ids() == [mail.message_id]
    assert migration["transferCode"] in parts(smtp_server.messages[0])[0]


async def test_withdrawal_notice_reaches_the_recipients(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    migration = await scenario.offer()
    await scenario.graphql(WITHDRAW, {"input": {"migrationId": migration["id"]}}, scenario.token)
    assert await MailDispatcher(mail_settings, clock).deliver_due() == 2
    withdrawal = smtp_server.messages[-1]
    assert TARGET_SUPERUSER in withdrawal.envelope_to
    text, _ = parts(withdrawal)
    assert "Bakkerij De Korst" in text
