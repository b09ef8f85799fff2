"""Mail at most once per lease: a slow server with two dispatchers, and a dispatcher that dies.

The slow server is the real loopback sink answering every command just under the SMTP timeout;
the dispatchers run on the system clock, as in production, because the leases are what is
tested.
"""

from __future__ import annotations

import asyncio
import signal
import time
from datetime import timedelta

import pytest

from mail.dispatcher import CLAIM_LEASE, MailDispatcher
from mail.letters import RenderedMail
from mail.outbox import enqueue
from models.enums import MailLanguage, MailStatus
from models.outbox import OutboxMail
from overdracht.clock import SystemClock
from overdracht.settings import SmtpSettings
from tests.scenarios import wait_until
from tests.workers import start_worker

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


async def test_a_dispatcher_that_dies_mid_batch_delays_its_untried_mails_by_the_claim_lease(
    mail_settings, clock, smtp_server
):
    mails = await queue_mails(mail_settings, clock, 10)
    dead = MailDispatcher(mail_settings, clock)
    assert len(await dead._claim()) == 10  # ...and the process dies before sending any

    survivor = MailDispatcher(mail_settings, clock)
    assert await survivor.run_once() == 0, "claimed mails wait for their lease"
    clock.advance(CLAIM_LEASE - timedelta(seconds=1))
    assert await survivor.run_once() == 0
    clock.advance(timedelta(seconds=1))
    assert await survivor.run_once() == 10
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in mails)


async def test_a_stopping_dispatcher_hands_its_untried_mails_back_at_once(
    mail_settings, clock, smtp_server
):
    await queue_mails(mail_settings, clock, 3)
    stop = asyncio.Event()
    stopping = MailDispatcher(mail_settings, clock)
    stopping._stop = stop
    claimed = await stopping._claim()
    stop.set()
    await stopping._hand_back(claimed)
    assert await MailDispatcher(mail_settings, clock).run_once() == 3, "no wait for the lease"


@pytest.mark.postgres
async def test_a_slow_server_and_two_dispatchers_deliver_every_mail_exactly_once(
    settings, smtp_server
):
    """Every reply 0.85 s late with a 1 s timeout: one mail takes about 7 s, a batch minutes."""
    smtp_server.delay = 0.85
    slow = settings.with_overrides(
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_server.port, timeout_seconds=1.0)
    )
    clock = SystemClock()
    mails = await queue_mails(slow, clock, 10)
    stop = asyncio.Event()
    dispatchers = [MailDispatcher(slow, clock, lease=timedelta(seconds=3)) for _ in range(2)]
    loops = [asyncio.create_task(d.run_forever(stop, interval=0.2)) for d in dispatchers]
    started = time.monotonic()
    try:
        await asyncio.wait_for(all_sent(10), SAFETY_TIMEOUT)
    finally:
        stop.set()
        await asyncio.gather(*loops)
    elapsed = time.monotonic() - started

    received = smtp_server.message_ids()
    assert sorted(received) == sorted(m.message_id for m in mails), "each exactly once"
    assert len(received) == len(set(received)) == 10
    # Both took part: the claim lease ran out on the mails the first had not reached.
    assert elapsed < 10 * 8 * 0.85, f"two dispatchers shared the work ({elapsed:.0f} s)"
    print(f"\n10 mails, replies 0.85 s late, 2 dispatchers: {elapsed:.1f} s, each sent once")


@pytest.mark.postgres
async def test_a_worker_killed_while_sending_delays_the_others_by_seconds(settings, smtp_server):
    """SIGKILL mid-batch: the mails it never tried go out within the claim lease."""
    smtp_server.delay = 0.3
    clock = SystemClock()
    mails = await queue_mails(settings, clock, 6)
    worker = start_worker(
        settings,
        OVERDRACHT_SMTP_PORT=str(smtp_server.port),
        OVERDRACHT_SMTP_TIMEOUT_SECONDS="2",
    )
    try:
        await wait_until(
            OutboxMail.filter(status=MailStatus.SENT).exists, "the worker sending a mail"
        )
        # Inside the next mail's send, before its data: not the window between the server's
        # acceptance and the commit, where a mail can go twice (see mail/dispatcher.py).
        await asyncio.sleep(0.3)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    killed_at = time.monotonic()
    delivered_before = len(smtp_server.messages)
    assert delivered_before < 6

    stop = asyncio.Event()
    smtp = settings.smtp.__class__(host="127.0.0.1", port=smtp_server.port, timeout_seconds=2.0)
    survivor = MailDispatcher(settings.with_overrides(smtp=smtp), clock)
    loop = asyncio.create_task(survivor.run_forever(stop, interval=0.2))
    try:
        await asyncio.wait_for(all_sent(6), SAFETY_TIMEOUT)
    finally:
        stop.set()
        await loop
    delay = time.monotonic() - killed_at
    received = smtp_server.message_ids()
    assert sorted(received) == sorted(m.message_id for m in mails)
    assert len(received) == len(set(received))
    # The mail in flight waits for its send's lease (2 s x 11 commands + 5 s); the rest only
    # for the claim lease; nothing waits minutes.
    assert delay < 2 * 11 + 5 + 6 * 8 * 0.3 + 5, f"{delay:.0f} s"


def held_quit(settings, smtp_server) -> SmtpSettings:
    """A sink that takes mails but holds every QUIT, and an SMTP timeout that outlasts the test:
    only the test's release ends the goodbye."""
    smtp_server.quit_answered.clear()
    return SmtpSettings(host="127.0.0.1", port=smtp_server.port, timeout_seconds=600.0)


async def test_a_mail_is_recorded_sent_before_the_server_answers_quit(settings, clock, smtp_server):
    mail_settings = settings.with_overrides(smtp=held_quit(settings, smtp_server))
    [mail] = await queue_mails(mail_settings, clock, 1)
    sending = asyncio.create_task(MailDispatcher(mail_settings, clock).run_once())
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
    assert await survivor.run_once() == 0
    assert smtp_server.message_ids() == [mail.message_id]
