"""The notices that end the silence: the claim, the reminder before expiry and the expiry itself.

Each is an outbox mail in the offer's language, sent exactly once, also when two workers and two
dispatchers run side by side on PostgreSQL; the clock is moved by the test.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta

import pytest

from models.enums import MailStatus
from models.outbox import OutboxMail
from tests.scenarios import TARGET_SUPERUSER, Scenario
from worker.dispatcher import MailDispatcher
from worker.expiry import OfferExpiry

EXTEND = """mutation($input: ExtendMigrationInput!) {
  extendMigration(input: $input) { userErrors { code message } }
}"""


def text_of(received) -> str:
    return " ".join(received.message.get_body(("plain",)).get_content().split())


def of_kind(smtp_server, subject_start: str) -> list:
    return [m for m in smtp_server.messages if m.message["Subject"].startswith(subject_start)]


async def deliver(settings, clock) -> int:
    return await MailDispatcher(settings, clock).deliver_due()


@pytest.mark.parametrize(
    ("language", "subject", "words"),
    [
        ("NL", "Aanbod ontvangen: 2 administraties door Bosman", "heeft op"),
        ("EN", "Offer received: 2 administrations by Bosman", "received 2 administrations"),
    ],
)
async def test_the_requester_hears_once_which_administrations_were_claimed_and_by_whom(
    scenario: Scenario, mail_settings, smtp_server, clock, language, subject, words
):
    migration = await scenario.offer(language=language)
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []
    await deliver(mail_settings, clock)

    [notice] = of_kind(smtp_server, subject)
    assert notice.envelope_to == [scenario.superuser.email]
    text = text_of(notice)
    assert words in text
    assert "Eva Bosman" in text and TARGET_SUPERUSER in text
    assert "Bakkerij De Korst" in text and "Fietsen Jansen" in text
    assert mail_settings.offer_page_url(migration["id"]) in text
    assert await deliver(mail_settings, clock) == 0


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("NL", "Herinnering: de overdrachtscode van Van Dijk", "biedt uw kantooromgeving nog"),
        ("EN", "Reminder: the transfer code from Van Dijk", "still offers your office"),
    ],
)
async def test_the_recipients_are_reminded_once_three_days_before_expiry(
    scenario: Scenario, mail_settings, smtp_server, clock, files, language, subject, phrase
):
    expiry = OfferExpiry(mail_settings, clock)
    migration = await scenario.offer(language=language)
    expires_at = datetime.fromisoformat(migration["expiresAt"])
    await deliver(mail_settings, clock)

    clock.set(expires_at - timedelta(days=3, minutes=1))
    await expiry.run_once()
    await deliver(mail_settings, clock)
    assert of_kind(smtp_server, subject) == [], "not before the configured lead"

    clock.set(expires_at - timedelta(days=3))
    await expiry.run_once()
    await expiry.run_once()
    await deliver(mail_settings, clock)
    [reminder] = of_kind(smtp_server, subject)
    assert reminder.envelope_to == [TARGET_SUPERUSER]
    text = text_of(reminder)
    assert phrase in text and "Premium" in text
    assert migration["transferCode"] in text
    assert mail_settings.code_entry_url in text

    clock.advance(timedelta(days=1))
    await expiry.run_once()
    await deliver(mail_settings, clock)
    assert len(of_kind(smtp_server, subject)) == 1, "sent once"


async def test_no_reminder_for_what_was_already_received_and_a_new_one_after_an_extension(
    scenario: Scenario, mail_settings, smtp_server, clock, files
):
    expiry = OfferExpiry(mail_settings, clock)
    migration = await scenario.offer()
    first, _ = scenario.items(migration)
    assert (await scenario.claim(migration["transferCode"], [first]))["userErrors"] == []
    expires_at = datetime.fromisoformat(migration["expiresAt"])
    clock.set(expires_at - timedelta(days=2))
    await expiry.run_once()
    await deliver(mail_settings, clock)
    [reminder] = of_kind(smtp_server, "Herinnering")
    text = text_of(reminder)
    assert ("Fietsen Jansen" in text) != ("Bakkerij De Korst" in text), "only what is open"
    assert "1 administratie aan" in text

    later = (expires_at + timedelta(days=10)).isoformat()
    body = await scenario.graphql(
        EXTEND, {"input": {"migrationId": migration["id"], "expiresAt": later}}, scenario.token
    )
    assert body["data"]["extendMigration"]["userErrors"] == [], body
    clock.set(datetime.fromisoformat(later) - timedelta(days=3))
    await expiry.run_once()
    await deliver(mail_settings, clock)
    assert len(of_kind(smtp_server, "Herinnering")) == 2, "the new expiry has its own reminder"


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("NL", "Aanbod verlopen: 2 administraties niet ontvangen", "U kunt de administraties"),
        ("EN", "Offer expired: 2 administrations not received", "You can offer them again"),
    ],
)
async def test_the_requester_is_told_once_when_an_offer_expires_unused(
    scenario: Scenario, mail_settings, smtp_server, clock, files, language, subject, phrase
):
    expiry = OfferExpiry(mail_settings, clock)
    migration = await scenario.offer(language=language)
    clock.set(datetime.fromisoformat(migration["expiresAt"]) + timedelta(seconds=1))
    await expiry.run_once()
    await expiry.run_once()
    await deliver(mail_settings, clock)

    [notice] = of_kind(smtp_server, subject)
    assert notice.envelope_to == [scenario.superuser.email]
    text = text_of(notice)
    assert phrase in text
    assert TARGET_SUPERUSER in text, "says to whom it was offered"
    clock.advance(timedelta(days=3))
    await expiry.run_once()
    await deliver(mail_settings, clock)
    assert len(of_kind(smtp_server, subject)) == 1


async def test_an_offer_expiring_half_claimed_names_only_what_expired(
    scenario: Scenario, mail_settings, smtp_server, clock, files
):
    expiry = OfferExpiry(mail_settings, clock)
    migration = await scenario.offer()
    first, _ = scenario.items(migration)
    assert (await scenario.claim(migration["transferCode"], [first]))["userErrors"] == []
    clock.set(datetime.fromisoformat(migration["expiresAt"]) + timedelta(seconds=1))
    await expiry.run_once()
    await deliver(mail_settings, clock)
    [notice] = of_kind(smtp_server, "Aanbod verlopen: 1 administratie")
    text = text_of(notice)
    assert ("Bakkerij De Korst" in text) != ("Fietsen Jansen" in text)


@pytest.mark.postgres
async def test_two_workers_and_two_dispatchers_send_each_notice_exactly_once(
    scenario: Scenario, mail_settings, smtp_server, clock, files
):
    """Three offers: one claimed, one reminded, one of two administrations expired; the workers
    race on every step, and each offer's requester gets one mail per notice."""
    claimed = await scenario.offer(administrations=[scenario.ready[0]])
    extra = [
        await scenario.factory.administration(scenario.exact, name=name, documents=1)
        for name in ("Garage Visser", "Kapsalon Mooi")
    ]
    expiring = await scenario.offer(administrations=extra)
    result = await scenario.claim(claimed["transferCode"], scenario.items(claimed))
    assert result["userErrors"] == []
    # Offered three days later, it is within its reminder's lead when the other one expires.
    clock.advance(timedelta(days=3))
    await scenario.offer(administrations=[scenario.ready[1]])
    workers = [OfferExpiry(mail_settings, clock) for _ in range(2)]
    dispatchers = [MailDispatcher(mail_settings, clock, batch_size=1) for _ in range(2)]

    clock.set(datetime.fromisoformat(expiring["expiresAt"]) + timedelta(seconds=1))
    for _ in range(3):
        await asyncio.gather(*(worker.run_once() for worker in workers))
        await asyncio.gather(*(d.deliver_due() for d in dispatchers))

    subjects = Counter(m.message["Subject"].split(":")[0] for m in smtp_server.messages)
    assert subjects["Aanbod ontvangen"] == 1
    assert subjects["Herinnering"] == 1
    assert subjects["Aanbod verlopen"] == 1
    assert len(smtp_server.message_ids()) == len(set(smtp_server.message_ids()))


async def test_offering_an_expired_administration_again_tells_of_the_whole_old_offer_once(
    scenario: Scenario, mail_settings, smtp_server, clock, files
):
    migration = await scenario.offer()
    clock.set(datetime.fromisoformat(migration["expiresAt"]) + timedelta(seconds=1))
    await scenario.offer(administrations=[scenario.ready[0]])
    await OfferExpiry(mail_settings, clock).run_once()
    await deliver(mail_settings, clock)
    [notice] = of_kind(smtp_server, "Aanbod verlopen")
    assert notice.message["Subject"] == "Aanbod verlopen: 2 administraties niet ontvangen"


async def test_a_notice_is_queued_as_data_and_sent_in_the_words_of_its_first_writing(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    await scenario.offer()
    [queued] = await OutboxMail.filter(kind="OFFER")
    assert queued.notice is not None and queued.text_body == "", "data now, words when sent"
    await smtp_server.stop()
    assert await deliver(mail_settings, clock) == 0
    tried = await OutboxMail.get(pk=queued.pk)
    assert tried.status == MailStatus.PENDING and tried.subject.startswith("Overdrachtscode")

    await smtp_server.start()
    clock.set(tried.next_attempt_at)
    assert await deliver(mail_settings, clock) == 1
    [received] = smtp_server.messages
    assert received.message["Subject"] == tried.subject
    plain = received.message.get_body(("plain",)).get_content()
    assert plain.replace("\r\n", "\n") == tried.text_body
