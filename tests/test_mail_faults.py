"""Mail at most once per lease: a slow server with two dispatchers, and a dispatcher that dies.

The server is the real loopback sink, slow on every reply or holding the end of the data or
QUIT unanswered. What is asserted is what was sent and when by the leases, never how long
anything took: a busy machine changes the timings, not the outcome.
"""

from __future__ import annotations

import asyncio
import signal
from datetime import timedelta

import pytest

from mail.composing import RenderedMail, enqueue
from models.enums import MailLanguage, MailStatus
from models.outbox import OutboxMail
from overdracht.clock import MovableClock, SystemClock
from overdracht.settings import SmtpSettings
from tests.scenarios import wait_until
from tests.workers import start_worker
from worker.dispatcher import TAKE_LEASE, MailDispatcher

SAFETY_TIMEOUT = 180


async def queue_mails(settings, clock, count: int) -> list[OutboxMail]:
    return [
        await enqueue(
            RenderedMail(kind="COMPLETION", subject=f"Mail {n}", text=f"{n}\n", html=f"<p>{n}</p>"),
            to=[f"recipient{n}@target.example"],
            cc=["requester@source.example"],
            language=MailLanguage.NL,
            settings=settings,
            now=clock.now(),
        )
        for n in range(count)
    ]


async def all_sent(count: int) -> None:
    while await OutboxMail.filter(status=MailStatus.SENT).count() < count:
        await asyncio.sleep(0.1)


async def test_a_dispatcher_that_dies_mid_batch_delays_its_untried_mails_by_the_take_lease(
    mail_settings, clock, smtp_server
):
    mails = await queue_mails(mail_settings, clock, 10)
    dead = MailDispatcher(mail_settings, clock)
    assert len(await dead.take()) == 10  # ...and the process dies before sending any

    survivor = MailDispatcher(mail_settings, clock)
    assert await survivor.deliver_due() == 0, "taken mails wait for their lease"
    clock.advance(TAKE_LEASE - timedelta(seconds=1))
    assert await survivor.deliver_due() == 0
    clock.advance(timedelta(seconds=1))
    assert await survivor.deliver_due() == 10
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in mails)


async def test_a_stopping_dispatcher_hands_its_untried_mails_back_at_once(
    mail_settings, clock, smtp_server
):
    await queue_mails(mail_settings, clock, 3)
    stopping = MailDispatcher(mail_settings, clock)
    for mail in await stopping.take():
        await stopping.hand_back(mail)
    assert await MailDispatcher(mail_settings, clock).deliver_due() == 3, "no wait for the lease"


@pytest.mark.postgres
async def test_a_slow_server_and_two_dispatchers_deliver_every_mail_exactly_once(
    settings, smtp_server
):
    """Every reply 0.85 s late: one mail takes about 7 s, more than twice the take lease, so
    the second dispatcher takes over what the first took and had not reached."""
    smtp_server.delay = 0.85
    slow = settings.with_overrides(
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_server.port, timeout_seconds=30.0)
    )
    clock = SystemClock()
    mails = await queue_mails(slow, clock, 10)
    dispatchers = [MailDispatcher(slow, clock, lease=timedelta(seconds=3)) for _ in range(2)]
    sent_by = [0, 0]
    stop = asyncio.Event()

    async def dispatch(n: int) -> None:
        while not stop.is_set():
            sent_by[n] += await dispatchers[n].deliver_due()
            await asyncio.sleep(0.2)

    loops = [asyncio.create_task(dispatch(n)) for n in range(2)]
    try:
        await asyncio.wait_for(all_sent(10), SAFETY_TIMEOUT)
    finally:
        stop.set()
        await asyncio.gather(*loops)

    received = smtp_server.message_ids()
    assert sorted(received) == sorted(m.message_id for m in mails), "each exactly once"
    assert len(received) == len(set(received)) == 10
    # Both took part: the take lease ran out on the mails the first had not reached.
    assert all(sent_by), sent_by
    print(f"\n10 mails, replies 0.85 s late, 2 dispatchers: sent {sent_by[0]} and {sent_by[1]}")


@pytest.mark.postgres
async def test_a_worker_killed_while_sending_delays_the_others_by_the_take_lease_only(
    settings, clock, smtp_server
):
    """SIGKILL before the server took its mail: that mail waits for its send's lease, the ones
    the worker had taken and not tried only for the take lease. The survivor's clock is set
    to those leases, so what is proven does not hang on how fast the machine is."""
    mails = await queue_mails(settings, clock, 6)
    smtp_server.data_answered.clear()
    worker = start_worker(
        settings,
        OVERDRACHT_SMTP_PORT=str(smtp_server.port),
        OVERDRACHT_SMTP_TIMEOUT_SECONDS="2",
    )
    try:

        async def data_heard() -> bool:
            return smtp_server.datas_heard == 1

        await wait_until(data_heard, "the worker sending its first mail's data", 120)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)

        async def client_gone() -> bool:
            return smtp_server.datas_dropped == 1

        await wait_until(client_gone, "the server noticing the worker gone", 120)
    finally:
        if worker.poll() is None:
            worker.kill()
        smtp_server.data_answered.set()
    assert smtp_server.messages == [], "the server never took the mail in hand"

    rows = await OutboxMail.filter(id__in=[m.pk for m in mails])
    assert {row.status for row in rows} == {MailStatus.SENDING}
    [in_flight, *untried] = sorted(rows, key=lambda row: row.locked_until, reverse=True)
    take_lease_over = max(row.locked_until for row in untried)
    send_lease_over = in_flight.locked_until
    # The send's lease covers its every SMTP command at the timeout (2 s x 11 + 5 s), longer
    # than the take lease (15 s) the others were left with.
    assert send_lease_over > take_lease_over

    survivor_clock = MovableClock()
    survivor_clock.set(take_lease_over - timedelta(seconds=1))
    survivor = MailDispatcher(settings.with_overrides(smtp=smtp_of(smtp_server)), survivor_clock)
    assert await survivor.deliver_due() == 0, "every taken mail waits for its lease"
    survivor_clock.set(take_lease_over)
    assert await survivor.deliver_due() == 5, "the untried ones go once the take lease is over"
    survivor_clock.set(send_lease_over)
    assert await survivor.deliver_due() == 1, "the one in flight once its send's lease is over"
    received = smtp_server.message_ids()
    assert sorted(received) == sorted(m.message_id for m in mails)
    assert len(received) == len(set(received))


def smtp_of(smtp_server) -> SmtpSettings:
    """The loopback sink, answering as fast as it can."""
    return SmtpSettings(host="127.0.0.1", port=smtp_server.port, timeout_seconds=30.0)


def held_quit(settings, smtp_server) -> SmtpSettings:
    """A sink that takes mails but holds every QUIT, and an SMTP timeout that outlasts the test:
    only the test's release ends the goodbye."""
    smtp_server.quit_answered.clear()
    return SmtpSettings(host="127.0.0.1", port=smtp_server.port, timeout_seconds=600.0)


async def test_a_mail_is_recorded_sent_before_the_server_answers_quit(settings, clock, smtp_server):
    mail_settings = settings.with_overrides(smtp=held_quit(settings, smtp_server))
    [mail] = await queue_mails(mail_settings, clock, 1)
    sending = asyncio.create_task(MailDispatcher(mail_settings, clock).deliver_due())
    try:
        await wait_until(
            OutboxMail.filter(pk=mail.pk, status=MailStatus.SENT).exists, "the mail recorded sent"
        )

        async def quit_heard() -> bool:
            return smtp_server.quits_heard == 1

        await wait_until(quit_heard, "the dispatcher saying QUIT")
        assert not sending.done(), "still waiting for the goodbye"
    finally:
        smtp_server.quit_answered.set()
    assert await sending == 1
    assert smtp_server.message_ids() == [mail.message_id]


async def test_a_worker_killed_while_waiting_for_quit_does_not_send_its_mail_again(
    settings, clock, smtp_server
):
    smtp = held_quit(settings, smtp_server)
    [mail] = await queue_mails(settings, clock, 1)
    worker = start_worker(
        settings,
        OVERDRACHT_SMTP_PORT=str(smtp.port),
        OVERDRACHT_SMTP_TIMEOUT_SECONDS=str(int(smtp.timeout_seconds)),
    )
    try:

        async def quit_heard() -> bool:
            return smtp_server.quits_heard == 1

        await wait_until(quit_heard, "the worker saying QUIT after its mail", 120)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
        smtp_server.quit_answered.set()
    assert await OutboxMail.filter(pk=mail.pk, status=MailStatus.SENT).exists()

    # Long after every lease, a dispatcher finds nothing left to send.
    clock.advance(timedelta(hours=1))
    survivor = MailDispatcher(settings.with_overrides(smtp=smtp), clock)
    assert await survivor.deliver_due() == 0
    assert smtp_server.message_ids() == [mail.message_id]
