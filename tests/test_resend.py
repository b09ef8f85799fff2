"""Sending an offer again: only to the target's current superusers, a few times an hour, audited.

Once a resend mailed the code to a recipient deactivated after the offer, and 20 resends in a
second delivered 20 mails.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from models import AuditEvent, OutboxMail
from models.enums import Role, TokenScope
from tests.scenarios import TARGET_SUPERUSER, Scenario, codes

RESEND = """mutation($i: ResendMigrationOfferInput!) { resendMigrationOffer(input: $i) {
  migration { id } sentTo skippedRecipients userErrors { code field message retryAt } } }"""
EXTEND = """mutation($i: ExtendMigrationInput!) { extendMigration(input: $i) {
  userErrors { code } } }"""
TRAIL = """query($id: ID!) { migration(id: $id) {
  auditTrail(first: 50) { nodes { action detail } } } }"""


async def resend(scenario: Scenario, migration: dict, token: str | None = None) -> dict:
    body = await scenario.graphql(
        RESEND, {"i": {"migrationId": migration["id"]}}, token or scenario.token
    )
    assert "errors" not in body, body
    return body["data"]["resendMigrationOffer"]


async def offer_mails() -> list[OutboxMail]:
    return await OutboxMail.filter(kind="OFFER").order_by("id")


async def test_a_resend_goes_only_to_the_targets_current_superusers(
    scenario: Scenario, factory, clock
):
    left = await factory.user(scenario.target)
    demoted = await factory.user(scenario.target)
    migration = await scenario.offer(recipients=[TARGET_SUPERUSER, left.email, demoted.email])
    left.is_active = False
    await left.save()
    demoted.role = Role.USER
    await demoted.save()

    payload = await resend(scenario, migration)
    assert payload["userErrors"] == []
    assert payload["sentTo"] == [TARGET_SUPERUSER]
    assert payload["skippedRecipients"] == [left.email, demoted.email]
    newest = (await offer_mails())[-1]
    assert (newest.to, newest.cc) == ([TARGET_SUPERUSER], [scenario.superuser.email])

    # The source's trail names who got it; the target and partners see only how many.
    def resent(body: dict) -> dict:
        [event] = [
            n
            for n in body["data"]["migration"]["auditTrail"]["nodes"]
            if n["action"] == "OFFER_RESENT"
        ]
        return event["detail"]

    source_view = resent(await scenario.graphql(TRAIL, {"id": migration["id"]}, scenario.token))
    assert source_view == {
        "recipients": 1,
        "skipped": 2,
        "sentTo": [TARGET_SUPERUSER],
        "skippedRecipients": [left.email, demoted.email],
    }
    partner = await factory.token(scenario.superuser, TokenScope.READ_ONLY)
    for token in (scenario.target_token, partner):
        seen = resent(await scenario.graphql(TRAIL, {"id": migration["id"]}, token))
        assert seen == {"recipients": 1, "skipped": 2}

    # Extending mails the new date to the same current superusers only.
    clock.advance(timedelta(days=2))
    body = await scenario.graphql(
        EXTEND,
        {
            "i": {
                "migrationId": migration["id"],
                "expiresAt": (clock.now() + timedelta(days=15)).isoformat(),
            }
        },
        scenario.token,
    )
    assert codes(body["data"]["extendMigration"]) == []
    assert (await offer_mails())[-1].to == [TARGET_SUPERUSER]


async def test_nothing_is_sent_when_no_recipient_is_a_superuser_there_any_more(
    scenario: Scenario, factory
):
    migration = await scenario.offer()
    scenario.target_superuser.is_active = False
    await scenario.target_superuser.save()
    before = len(await offer_mails())
    payload = await resend(scenario, migration)
    assert codes(payload) == ["NO_CURRENT_RECIPIENTS"]
    assert payload["skippedRecipients"] == [TARGET_SUPERUSER]
    assert len(await offer_mails()) == before
    assert not await AuditEvent.exists(action="OFFER_RESENT")


async def test_resends_are_limited_per_offer_with_the_moment_to_try_again(
    scenario: Scenario, factory, settings, clock
):
    limit = settings.resend_limit_per_hour
    migration = await scenario.offer(administrations=scenario.ready[:1])
    other = await scenario.offer(administrations=scenario.ready[1:])
    first = clock.now()
    for _ in range(limit):
        assert (await resend(scenario, migration))["userErrors"] == []
        clock.advance(timedelta(minutes=5))
    mails = len(await offer_mails())
    refused = await resend(scenario, migration)
    [error] = refused["userErrors"]
    assert (error["code"], error["field"]) == ("TOO_MANY_RESENDS", ["input", "migrationId"])
    assert error["retryAt"] == (first + timedelta(hours=1)).isoformat()
    assert refused["sentTo"] == []
    assert len(await offer_mails()) == mails, "nothing sent"
    colleague = await factory.token(await factory.user(scenario.source))
    assert codes(await resend(scenario, migration, colleague)) == ["TOO_MANY_RESENDS"]
    assert (await resend(scenario, other))["userErrors"] == [], "each offer has its own limit"
    clock.set(first + timedelta(hours=1))
    assert (await resend(scenario, migration))["sentTo"] == [TARGET_SUPERUSER]
    assert await AuditEvent.filter(action="OFFER_RESENT").count() == limit + 2


@pytest.mark.postgres
async def test_resends_at_once_never_pass_the_limit(scenario: Scenario, settings):
    limit = settings.resend_limit_per_hour
    migration = await scenario.offer()
    before = len(await offer_mails())
    answers = await asyncio.gather(*(resend(scenario, migration) for _ in range(20)))
    sent = [a for a in answers if a["userErrors"] == []]
    assert len(sent) == limit
    assert all(codes(a) == ["TOO_MANY_RESENDS"] for a in answers if a not in sent)
    assert len(await offer_mails()) == before + limit
    assert await AuditEvent.filter(action="OFFER_RESENT").count() == limit
