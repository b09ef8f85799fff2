"""Whether each recipient got the transfer code: a real SMTP server refuses one for good (550)
and one for now (450); the offer shows it, the requester is told, and retrying ends in time."""

from __future__ import annotations

from datetime import timedelta

from models import AuditEvent, OutboxMail
from models.enums import AuditAction, MailStatus, Role, TokenScope
from tests.scenarios import TARGET_SUPERUSER, Scenario, pk_of, preview_of
from worker.dispatcher import MailDispatcher

GONE = "gone@bosman.example"
BUSY = "busy@bosman.example"

DELIVERIES = """query($id: ID!) {
  migration(id: $id) {
    recipientDeliveries { totalCount nodes { address state serverAnswer nextAttemptAt updatedAt } }
    auditTrail { nodes { action actorName detail } }
  }
}"""


async def offer_to_three(scenario: Scenario, language: str = "NL") -> dict:
    """An offer to a recipient who gets it, one the server refuses and one it defers."""
    for address in (GONE, BUSY):
        user = await scenario.factory.user(scenario.target, Role.SUPERUSER)
        user.email = address
        await user.save()
    return await scenario.offer(recipients=[TARGET_SUPERUSER, GONE, BUSY], language=language)


async def shown(scenario: Scenario, migration_id: str, token: str | None = None) -> dict:
    body = await scenario.graphql(DELIVERIES, {"id": migration_id}, token or scenario.token)
    assert "errors" not in body, body
    return body["data"]["migration"]


def by_address(migration: dict) -> dict[str, dict]:
    return {row["address"]: row for row in migration["recipientDeliveries"]["nodes"]}


async def test_each_recipient_shows_delivered_refused_or_pending_with_the_servers_answer(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    smtp_server.refuse.add(GONE)
    smtp_server.defer.add(BUSY)
    migration = await offer_to_three(scenario)
    before = by_address(await shown(scenario, migration["id"]))
    assert {row["state"] for row in before.values()} == {"PENDING"}, "queued, not tried yet"

    dispatcher = MailDispatcher(mail_settings, clock)
    await dispatcher.deliver_due()

    rows = by_address(await shown(scenario, migration["id"]))
    assert rows[TARGET_SUPERUSER]["state"] == "DELIVERED"
    assert rows[TARGET_SUPERUSER]["nextAttemptAt"] is None
    assert rows[GONE]["state"] == "REFUSED"
    assert rows[GONE]["serverAnswer"].startswith("550")
    assert rows[GONE]["nextAttemptAt"] is None
    assert rows[BUSY]["state"] == "PENDING"
    assert rows[BUSY]["serverAnswer"].startswith("450")
    assert rows[BUSY]["nextAttemptAt"] is not None


async def test_a_permanent_refusal_is_recorded_and_the_requester_is_told_in_the_offers_language(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    smtp_server.refuse.add(GONE)
    migration = await offer_to_three(scenario, language="EN")
    dispatcher = MailDispatcher(mail_settings, clock)
    await dispatcher.deliver_due()  # the code's mail, then the notice it caused
    await dispatcher.deliver_due()

    trail = (await shown(scenario, migration["id"]))["auditTrail"]["nodes"]
    refused = [e for e in trail if e["action"] == "RECIPIENT_REFUSED"]
    assert len(refused) == 1
    assert refused[0]["actorName"] == "Overdracht"
    assert refused[0]["detail"]["recipient"] == GONE
    assert refused[0]["detail"]["serverAnswer"].startswith("550")

    notices = [m for m in smtp_server.messages if GONE in m.message["Subject"]]
    assert len(notices) == 1, [m.message["Subject"] for m in smtp_server.messages]
    [notice] = notices
    assert notice.envelope_to == [scenario.superuser.email]
    assert notice.message["Subject"] == f"Transfer code not delivered to {GONE}"
    text = notice.message.get_body(("plain",)).get_content()
    assert "550" in text and "Bakkerij De Korst" in text
    assert "change the offer's recipients" in " ".join(text.split())
    assert await AuditEvent.filter(action=AuditAction.RECIPIENT_REFUSED).count() == 1


async def test_a_deferred_recipient_gets_the_code_on_a_later_attempt(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    smtp_server.defer.add(BUSY)
    migration = await offer_to_three(scenario)
    dispatcher = MailDispatcher(mail_settings, clock)
    await dispatcher.deliver_due()
    pending = by_address(await shown(scenario, migration["id"]))[BUSY]

    smtp_server.defer.clear()
    clock.advance(timedelta(minutes=1))
    assert await dispatcher.deliver_due() == 1
    assert smtp_server.messages[-1].envelope_to == [BUSY], "only the one still waiting"
    assert (
        migration["transferCode"]
        in smtp_server.messages[-1].message.get_body(("plain",)).get_content()
    )
    rows = by_address(await shown(scenario, migration["id"]))
    assert rows[BUSY]["state"] == "DELIVERED"
    assert rows[BUSY]["updatedAt"] > pending["updatedAt"]
    assert not await AuditEvent.filter(action=AuditAction.RECIPIENT_REFUSED).exists()


async def test_retrying_ends_after_the_configured_age_and_counts_as_refused(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    settings = mail_settings.with_overrides(mail_max_age=timedelta(hours=6))
    smtp_server.defer.add(BUSY)
    migration = await offer_to_three(scenario)
    dispatcher = MailDispatcher(settings, clock)
    await dispatcher.deliver_due()

    attempts = 1
    while True:
        mail = await OutboxMail.get(kind="OFFER")
        if mail.status != MailStatus.PENDING:
            break
        clock.set(mail.next_attempt_at)
        await dispatcher.deliver_due()
        attempts += 1
        assert attempts < 50, "retrying must end"
    assert mail.status == MailStatus.SENT, "delivered to the others, given up for one"
    assert clock.now() - mail.created_at >= timedelta(hours=6)
    assert clock.now() - mail.created_at < timedelta(hours=6) + timedelta(hours=1, minutes=1)

    row = by_address(await shown(scenario, migration["id"]))[BUSY]
    assert row["state"] == "REFUSED"
    assert row["serverAnswer"].startswith("Not delivered within 6 hours; last answer: 450")
    assert await AuditEvent.filter(action=AuditAction.RECIPIENT_REFUSED).count() == 1
    await dispatcher.deliver_due()
    told = [m for m in smtp_server.messages if BUSY in m.message["Subject"]]
    assert len(told) == 1 and told[0].envelope_to == [scenario.superuser.email]

    delivered_to_busy = [m for m in smtp_server.messages if BUSY in m.envelope_to]
    assert delivered_to_busy == []
    clock.advance(timedelta(days=30))
    assert await dispatcher.deliver_due() == 0, "nothing is retried forever"


async def test_a_mail_refused_for_every_recipient_ends_failed_and_is_shown_so(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    smtp_server.refuse.update({TARGET_SUPERUSER, scenario.superuser.email})
    migration = await scenario.offer()
    await MailDispatcher(mail_settings, clock).deliver_due()

    assert (await OutboxMail.get(kind="OFFER")).status == MailStatus.FAILED
    [row] = (await shown(scenario, migration["id"]))["recipientDeliveries"]["nodes"]
    assert (row["address"], row["state"]) == (TARGET_SUPERUSER, "REFUSED")
    assert await AuditEvent.filter(action=AuditAction.RECIPIENT_REFUSED).count() == 2
    # The requester is told about the recipient, never about itself; that notice is refused
    # too, and ends there: a refused notice causes no further mail.
    [notice] = await OutboxMail.filter(kind="REFUSAL")
    assert TARGET_SUPERUSER in notice.subject
    await MailDispatcher(mail_settings, clock).deliver_due()
    assert (await OutboxMail.get(kind="REFUSAL")).status == MailStatus.FAILED
    assert await OutboxMail.all().count() == 2
    assert await AuditEvent.filter(action=AuditAction.RECIPIENT_REFUSED).count() == 2


async def test_only_the_offering_superusers_see_the_delivery_status_and_refused_addresses(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    smtp_server.refuse.add(GONE)
    migration = await offer_to_three(scenario)
    await MailDispatcher(mail_settings, clock).deliver_due()
    source_view = await shown(scenario, migration["id"])
    assert source_view["recipientDeliveries"]["totalCount"] == 3
    assert GONE in str(source_view["auditTrail"])
    assert preview_of(await scenario.preview(migration["transferCode"]))
    partner = await scenario.factory.token(scenario.superuser, TokenScope.READ_ONLY)
    for token in (scenario.target_token, partner):
        view = await shown(scenario, migration["id"], token)
        assert view["recipientDeliveries"] is None
        refused = [e for e in view["auditTrail"]["nodes"] if e["action"] == "RECIPIENT_REFUSED"]
        assert refused and all(e["detail"] == {} for e in refused)
        assert GONE not in str(view) and BUSY not in str(view)


async def test_a_recipient_given_up_on_is_told_as_such_in_the_offers_language(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    settings = mail_settings.with_overrides(mail_max_age=timedelta(minutes=1))
    smtp_server.defer.add(BUSY)
    await offer_to_three(scenario)
    dispatcher = MailDispatcher(settings, clock)
    await dispatcher.deliver_due()
    clock.advance(timedelta(minutes=2))
    await dispatcher.deliver_due()
    await dispatcher.deliver_due()
    [notice] = [m for m in smtp_server.messages if BUSY in m.message["Subject"]]
    text = " ".join(notice.message.get_body(("plain",)).get_content().split())
    assert "stelde hem steeds uit" in text and "450" in text
    assert "Not delivered" not in text, "no English in a Dutch letter"


async def test_a_mail_sent_before_per_recipient_records_shows_its_refused_recipients(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    migration = await offer_to_three(scenario)
    await OutboxMail.filter(kind="OFFER").update(
        status=MailStatus.SENT,
        deliveries=None,
        last_error=f"refused for some recipients: {GONE}: 550 5.1.1 Mailbox unavailable",
    )
    rows = by_address(await shown(scenario, migration["id"]))
    assert rows[GONE]["state"] == "REFUSED"
    assert rows[BUSY]["state"] == rows[TARGET_SUPERUSER]["state"] == "DELIVERED"


async def test_a_recipient_refused_on_three_offers_is_told_once_per_offer_naming_its_books(
    scenario: Scenario, mail_settings, smtp_server, clock
):
    """Not one mail for all three: each notice is queued with the refusal it tells of, so it is
    sent exactly once, and each names the one offer whose recipients are to be corrected (the
    *Mail* of docs/operations/background.md says why they are not gathered)."""
    smtp_server.refuse.add(TARGET_SUPERUSER)
    third = await scenario.factory.administration(scenario.exact, documents=1)
    offered = [[scenario.ready[0]], [scenario.ready[1]], [third]]
    migrations = [await scenario.offer(administrations=books) for books in offered]
    dispatcher = MailDispatcher(mail_settings, clock)
    await dispatcher.deliver_due()  # the offers' mails, then the notices they cause
    notices = await OutboxMail.filter(kind="REFUSAL").order_by("id")
    assert [n.to for n in notices] == [[scenario.superuser.email]] * 3
    assert {n.migration_id for n in notices} == {pk_of(m["id"]) for m in migrations}
    for notice in notices:
        [books] = [
            b
            for b, m in zip(offered, migrations, strict=True)
            if pk_of(m["id"]) == notice.migration_id
        ]
        assert books[0].name in notice.text_body
        assert [b for b in offered if b[0].name in notice.text_body] == [books]
