"""Delivery survives mail server outages, dead dispatchers and dispatchers racing each other."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from mail.composing import RenderedMail, enqueue
from mail.sending import retry_delay
from models.enums import MailLanguage, MailStatus
from models.outbox import OutboxMail
from worker.dispatcher import MailDispatcher, dispatcher_loop

# Generous upper bounds so a broken build fails instead of hanging; never the thing tested.
SAFETY_TIMEOUT = 30


def rendered(n: int = 1) -> RenderedMail:
    return RenderedMail(
        kind="COMPLETION", subject=f"Mail {n}", text=f"Mail {n}\n", html=f"<p>Mail {n}</p>"
    )


async def queue(settings, clock, n: int = 1, to: list[str] | None = None) -> OutboxMail:
    return await enqueue(
        rendered(n),
        to=to or [f"recipient{n}@target.example"],
        cc=["requester@source.example"],
        language=MailLanguage.NL,
        settings=settings,
        now=clock.now(),
    )


async def test_a_mail_server_outage_delays_the_mail_and_never_loses_it(
    mail_settings, clock, smtp_server
):
    dispatcher = MailDispatcher(mail_settings, clock)
    await smtp_server.stop()
    mail = await queue(mail_settings, clock)

    assert await dispatcher.deliver_due() == 0
    stored = await OutboxMail.get(id=mail.id)
    assert stored.status == MailStatus.PENDING
    assert stored.attempts == 1
    assert stored.last_error
    assert stored.next_attempt_at > clock.now()
    assert stored.locked_until is None

    await smtp_server.start()
    assert await dispatcher.deliver_due() == 0, "nothing is sent before the backoff has passed"
    assert smtp_server.messages == []
    assert (await OutboxMail.get(id=mail.id)).attempts == 1

    clock.set(stored.next_attempt_at)
    assert await dispatcher.deliver_due() == 1
    assert smtp_server.message_ids() == [mail.message_id]
    stored = await OutboxMail.get(id=mail.id)
    assert (stored.status, stored.attempts, stored.sent_at) == (MailStatus.SENT, 2, clock.now())

    assert await dispatcher.deliver_due() == 0
    assert smtp_server.message_ids() == [mail.message_id]


async def test_each_failed_attempt_waits_longer(mail_settings, clock, smtp_server):
    dispatcher = MailDispatcher(mail_settings, clock)
    await smtp_server.stop()
    mail = await queue(mail_settings, clock)
    waits = []
    for _ in range(3):
        before = clock.now()
        await dispatcher.deliver_due()
        stored = await OutboxMail.get(id=mail.id)
        waits.append(stored.next_attempt_at - before)
        clock.set(stored.next_attempt_at)
    assert waits == [timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]
    assert stored.attempts == 3


def test_the_backoff_doubles_up_to_an_hour():
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [
        timedelta(seconds=30),
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
    ]
    assert retry_delay(8) == timedelta(hours=1)
    assert retry_delay(1000) == timedelta(hours=1)


async def test_a_mail_every_recipient_defers_is_retried(mail_settings, clock, smtp_server):
    smtp_server.defer.update({"busy@target.example", "requester@source.example"})
    mail = await queue(mail_settings, clock, to=["busy@target.example"])
    dispatcher = MailDispatcher(mail_settings, clock)

    assert await dispatcher.deliver_due() == 0
    stored = await OutboxMail.get(id=mail.id)
    assert stored.status == MailStatus.PENDING
    assert "450" in stored.last_error

    smtp_server.defer.clear()
    clock.set(stored.next_attempt_at)
    assert await dispatcher.deliver_due() == 1
    assert smtp_server.message_ids() == [mail.message_id]


async def test_a_recipient_that_defers_still_gets_the_mail_later(mail_settings, clock, smtp_server):
    smtp_server.defer.add("busy@target.example")
    mail = await queue(mail_settings, clock, to=["busy@target.example", "anna@target.example"])
    dispatcher = MailDispatcher(mail_settings, clock)

    assert await dispatcher.deliver_due() == 1
    [first] = smtp_server.messages
    assert first.envelope_to == ["anna@target.example", "requester@source.example"]
    stored = await OutboxMail.get(id=mail.id)
    assert stored.status == MailStatus.PENDING, "one recipient is still waiting"
    assert stored.deliveries["anna@target.example"]["state"] == "DELIVERED"
    assert stored.deliveries["busy@target.example"]["state"] == "PENDING"
    assert "450" in stored.deliveries["busy@target.example"]["answer"]
    assert stored.next_attempt_at > clock.now()
    assert await OutboxMail.all().count() == 1, "the same row is tried again, no copy"

    smtp_server.defer.clear()
    clock.set(stored.next_attempt_at)
    assert await dispatcher.deliver_due() == 1
    assert smtp_server.messages[1].envelope_to == ["busy@target.example"]
    assert smtp_server.messages[1].message["Message-ID"] == first.message["Message-ID"]
    assert (await OutboxMail.get(id=mail.id)).status == MailStatus.SENT
    assert await dispatcher.deliver_due() == 0


async def test_a_mail_refused_for_every_recipient_fails_for_good(mail_settings, clock, smtp_server):
    smtp_server.refuse.update({"gone@target.example", "requester@source.example"})
    refused = await queue(mail_settings, clock, 1, to=["gone@target.example"])
    fine = await queue(mail_settings, clock, 2)
    dispatcher = MailDispatcher(mail_settings, clock)

    assert await dispatcher.deliver_due() == 1, "one refused mail does not stop the others"

    stored = await OutboxMail.get(id=refused.id)
    assert stored.status == MailStatus.FAILED
    assert "550" in stored.last_error
    assert (await OutboxMail.get(id=fine.id)).status == MailStatus.SENT
    clock.advance(timedelta(days=1))
    assert await dispatcher.deliver_due() == 0
    assert smtp_server.message_ids() == [fine.message_id]


async def test_a_mail_refused_for_some_recipients_still_reaches_the_others(
    mail_settings, clock, smtp_server
):
    smtp_server.refuse.add("gone@target.example")
    mail = await queue(mail_settings, clock, to=["gone@target.example", "anna@target.example"])

    assert await MailDispatcher(mail_settings, clock).deliver_due() == 1

    [received] = smtp_server.messages
    assert received.envelope_to == ["anna@target.example", "requester@source.example"]
    stored = await OutboxMail.get(id=mail.id)
    assert stored.status == MailStatus.SENT
    assert "gone@target.example" in stored.last_error


async def test_a_mail_left_sending_by_a_dead_dispatcher_is_sent_after_its_lease(
    mail_settings, clock, smtp_server
):
    mail = await queue(mail_settings, clock)
    await OutboxMail.filter(id=mail.id).update(
        status=MailStatus.SENDING, attempts=1, locked_until=clock.now() - timedelta(seconds=1)
    )

    assert await MailDispatcher(mail_settings, clock).deliver_due() == 1
    stored = await OutboxMail.get(id=mail.id)
    assert (stored.status, stored.attempts) == (MailStatus.SENT, 2)
    assert smtp_server.message_ids() == [mail.message_id]


async def test_a_mail_another_dispatcher_is_sending_is_left_alone(
    mail_settings, clock, smtp_server
):
    mail = await queue(mail_settings, clock)
    lease_end = clock.now() + timedelta(minutes=5)
    await OutboxMail.filter(id=mail.id).update(
        status=MailStatus.SENDING, attempts=1, locked_until=lease_end
    )
    dispatcher = MailDispatcher(mail_settings, clock)

    assert await dispatcher.deliver_due() == 0
    assert smtp_server.messages == []
    assert (await OutboxMail.get(id=mail.id)).status == MailStatus.SENDING

    clock.set(lease_end)
    assert await dispatcher.deliver_due() == 1


async def test_a_late_outcome_does_not_overwrite_a_newer_take(mail_settings, clock, smtp_server):
    """A dispatcher whose lease ran out mid-send must not mark a mail another one now owns."""
    mail = await queue(mail_settings, clock)
    slow = MailDispatcher(mail_settings, clock, lease=timedelta(seconds=10))
    [taken] = await slow.take()
    clock.advance(timedelta(seconds=11))
    [retaken] = await MailDispatcher(mail_settings, clock).take()
    assert retaken.attempts == taken.attempts + 1

    assert not await slow.lease(taken).end(status=MailStatus.SENT, sent_at=clock.now())

    stored = await OutboxMail.get(id=mail.id)
    assert (stored.status, stored.attempts) == (MailStatus.SENDING, retaken.attempts)


async def race(settings, clock, smtp_server, *, mails: int, dispatchers: int) -> None:
    """Queue mails, let several dispatchers deliver at once, check each went out exactly once."""
    queued = [await queue(settings, clock, n) for n in range(mails)]
    workers = [MailDispatcher(settings, clock, batch_size=4) for _ in range(dispatchers)]

    sent = await asyncio.wait_for(
        asyncio.gather(*(asyncio.create_task(w.deliver_due()) for w in workers)), SAFETY_TIMEOUT
    )

    assert sum(sent) == mails
    assert sorted(smtp_server.message_ids()) == sorted(mail.message_id for mail in queued)
    assert await OutboxMail.filter(status=MailStatus.SENT, attempts=1).count() == mails


async def test_dispatchers_side_by_side_send_each_mail_once(mail_settings, clock, smtp_server):
    await race(mail_settings, clock, smtp_server, mails=12, dispatchers=2)


@pytest.mark.postgres
async def test_concurrent_dispatchers_on_postgres_send_each_mail_exactly_once(
    mail_settings, clock, smtp_server
):
    await race(mail_settings, clock, smtp_server, mails=30, dispatchers=3)


@pytest.mark.postgres
async def test_a_mail_locked_by_another_dispatcher_is_skipped_not_waited_for(
    mail_settings, clock, smtp_server
):
    locked = await queue(mail_settings, clock, 1)
    free = await queue(mail_settings, clock, 2)
    holding = asyncio.Event()
    release = asyncio.Event()

    async def hold_lock() -> None:
        async with in_transaction():
            await OutboxMail.filter(id=locked.id).select_for_update()
            holding.set()
            await release.wait()

    holder = asyncio.create_task(hold_lock())
    await holding.wait()
    try:
        sent = await asyncio.wait_for(
            MailDispatcher(mail_settings, clock).deliver_due(), SAFETY_TIMEOUT
        )
    finally:
        release.set()
        await holder

    assert sent == 1
    assert smtp_server.message_ids() == [free.message_id]
    assert (await OutboxMail.get(id=locked.id)).status == MailStatus.PENDING


async def test_the_dispatcher_loop_delivers_and_stops_when_asked(mail_settings, clock, smtp_server):
    stop = asyncio.Event()
    loop = asyncio.create_task(dispatcher_loop(mail_settings, clock, stop, interval=0.01))
    mail = await queue(mail_settings, clock)

    async def delivered() -> None:
        while not smtp_server.messages:
            await asyncio.sleep(0.01)

    await asyncio.wait_for(delivered(), SAFETY_TIMEOUT)
    stop.set()
    await asyncio.wait_for(loop, SAFETY_TIMEOUT)
    assert smtp_server.message_ids() == [mail.message_id]
