"""Ways out of every state: failed moves, cancelled claims, corrections, right codes, costs."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from models import AuditEvent, BillableLine, CodeAttempt, Document, OutboxMail
from models.enums import MigrationStatus, MoveFailure, Plan, Role, TokenScope
from overdracht.settings import ConfigurationError, Price, load_settings
from tests.documents import WITHDRAW
from tests.scenarios import Case, Scenario, bring_to, codes, gid, pk_of, preview_of, refusal_of
from worker.mover import Mover

S = MigrationStatus
WRONG_CODE = "2222-3333-4444-5555-6666"


def engine_of(settings, clock, files) -> Mover:
    """A move engine in the test's process, on its clock and file store."""
    return Mover(settings, clock, files, batch_size=2)


async def mutate(scenario: Scenario, name: str, data: dict[str, Any], token: str) -> dict:
    """Call one mutation with an input and return its payload."""
    type_name = name[0].upper() + name[1:] + "Input"
    body = await scenario.graphql(
        f"mutation($i: {type_name}!) {{ {name}(input: $i) {{ userErrors {{ code field }} }} }}",
        {"i": data},
        token,
    )
    assert "errors" not in body, body
    return body["data"][name]


async def actions(case: Case) -> list[str]:
    """The audit actions recorded for the case's offer, oldest first."""
    rows = AuditEvent.filter(migration_id=pk_of(case.migration["id"])).order_by("id")
    return list(await rows.values_list("action", flat=True))


# -- failed moves --------------------------------------------------------------------------------


async def test_a_failed_move_can_be_withdrawn_and_offered_again(scenario, settings, clock, files):
    case = await bring_to(S.FAILED, scenario, engine_of(settings, clock, files), clock)
    body = await scenario.graphql(
        "query($id: ID!) { node(id: $id) { ... on MigrationAdministration { failure reason } } }",
        {"id": case.item_id},
        scenario.target_token,
    )
    assert body["data"]["node"]["failure"] == "FILE_DAMAGED"
    variables = {
        "input": {"migrationId": case.migration["id"], "migrationAdministrationId": case.item_id}
    }
    body = await scenario.graphql(WITHDRAW, variables, scenario.token)
    assert body["data"]["withdrawMigration"]["userErrors"] == []
    assert (await case.item()).status == S.WITHDRAWN
    mail = await OutboxMail.get(kind="WITHDRAWAL")
    assert scenario.target_superuser.email in mail.to  # the receiver hears it too
    await scenario.offer(administrations=[scenario.ready[0]])


async def test_the_receiver_can_give_up_a_failed_move(scenario, settings, clock, files):
    case = await bring_to(S.FAILED, scenario, engine_of(settings, clock, files), clock)
    payload = await mutate(
        scenario,
        "giveUpMigration",
        {"migrationAdministrationId": case.item_id},
        scenario.target_token,
    )
    assert payload["userErrors"] == []
    assert (await case.item()).status == S.REJECTED
    assert (await actions(case))[-1] == "GAVE_UP"
    assert (await OutboxMail.get(kind="RELEASE")).to == [scenario.superuser.email]
    assert await BillableLine.all().count() == 0
    await scenario.offer(administrations=[scenario.ready[0]])


# -- cancelling a claim ------------------------------------------------------------------------


async def test_a_cancelled_claim_is_offered_again_and_can_be_claimed_again(
    scenario, settings, clock, files
):
    case = await bring_to(S.QUEUED, scenario, engine_of(settings, clock, files), clock)
    cancel = {"migrationAdministrationId": case.item_id}
    assert (await mutate(scenario, "cancelMigration", cancel, scenario.target_token))[
        "userErrors"
    ] == []
    assert (await case.item()).status == S.OFFERED
    assert "CANCELLED" in await actions(case)
    assert await OutboxMail.filter(kind="RELEASE").count() == 1
    assert await BillableLine.all().count() == 0
    again = await scenario.claim(case.migration["transferCode"], [case.item_id])
    assert again["userErrors"] == []


async def test_a_held_queue_leaves_a_claim_to_cancel_and_starts_it_after_the_delay(
    scenario, settings, clock, files
):
    """OVERDRACHT_MOVE_START_DELAY_SECONDS, as ./dev up sets it: a queued move waits, so the
    receiver can still cancel it; once the delay has passed a worker takes it as ever."""
    held = settings.with_overrides(move_start_delay=timedelta(seconds=30))
    engine = engine_of(held, clock, files)
    migration = await scenario.offer()
    first, second = scenario.items(migration)
    assert (await scenario.claim(migration["transferCode"], [first, second]))["userErrors"] == []
    assert await engine.run_until_idle() == []
    clock.advance(timedelta(seconds=29))
    assert await engine.run_until_idle() == []
    cancel = {"migrationAdministrationId": second}
    assert (await mutate(scenario, "cancelMigration", cancel, scenario.target_token))[
        "userErrors"
    ] == []
    clock.advance(timedelta(seconds=1))
    assert await engine.run_until_idle() == [S.COMPLETED]


def test_the_queue_is_not_held_unless_asked():
    assert load_settings({}).move_start_delay == timedelta(0)
    held = load_settings({"OVERDRACHT_MOVE_START_DELAY_SECONDS": "20"})
    assert held.move_start_delay == timedelta(seconds=20)
    with pytest.raises(ConfigurationError, match="OVERDRACHT_MOVE_START_DELAY_SECONDS"):
        load_settings({"OVERDRACHT_MOVE_START_DELAY_SECONDS": "-1"})


async def test_a_claim_cancelled_after_the_expiry_ends_expired(scenario, settings, clock, files):
    case = await bring_to(S.QUEUED, scenario, engine_of(settings, clock, files), clock)
    clock.advance(timedelta(days=16))
    cancel = {"migrationAdministrationId": case.item_id}
    assert (await mutate(scenario, "cancelMigration", cancel, scenario.target_token))[
        "userErrors"
    ] == []
    item = await case.item()
    assert (item.status, item.open_administration_id) == (S.EXPIRED, None)
    await scenario.offer(administrations=[scenario.ready[0]])


async def test_only_the_receiving_superusers_can_cancel(scenario, factory, settings, clock, files):
    case = await bring_to(S.QUEUED, scenario, engine_of(settings, clock, files), clock)
    cancel = {"migrationAdministrationId": case.item_id}
    outsider = await factory.token(await factory.user(await factory.environment()))
    clerk = await factory.token(await factory.user(scenario.target, role=Role.USER))
    for token, expected in (
        (scenario.token, "NOT_FOUND"),
        (outsider, "NOT_FOUND"),
        (clerk, "FORBIDDEN"),
    ):
        assert codes(await mutate(scenario, "cancelMigration", cancel, token)) == [expected]
    assert (await case.item()).status == S.QUEUED


# -- correcting an offer -----------------------------------------------------------------------

RECIPIENTS = """mutation($i: ChangeMigrationRecipientsInput!) {
  changeMigrationRecipients(input: $i) {
  migration { recipients } userErrors { code field } } }"""
EXTEND = """mutation($i: ExtendMigrationInput!) { extendMigration(input: $i) {
  migration { expiresAt } userErrors { code field } } }"""


async def test_the_source_changes_the_recipients_within_the_target(scenario, factory):
    migration = await scenario.offer()
    colleague = await factory.user(scenario.target)
    elsewhere = await factory.user(await factory.environment())
    mails_before = await OutboxMail.filter(kind="OFFER").count()
    wanted = [scenario.target_superuser.email, colleague.email]
    body = await scenario.graphql(
        RECIPIENTS, {"i": {"migrationId": migration["id"], "recipients": wanted}}, scenario.token
    )
    payload = body["data"]["changeMigrationRecipients"]
    assert (payload["userErrors"], payload["migration"]["recipients"]) == ([], wanted)
    newest = await OutboxMail.filter(kind="OFFER").order_by("-id").first()
    assert await OutboxMail.filter(kind="OFFER").count() == mails_before + 1
    assert newest.to == [colleague.email]
    assert await AuditEvent.filter(action="RECIPIENTS_CHANGED").count() == 1
    for recipients, expected in (
        ([elsewhere.email], ("RECIPIENTS_IN_SEVERAL_ENVIRONMENTS", ["input", "recipients"])),
        (
            [colleague.email, "nobody@nowhere.example"],
            ("UNKNOWN_RECIPIENT", ["input", "recipients", "1"]),
        ),
        (["not an address"], ("INVALID_EMAIL", ["input", "recipients", "0"])),
    ):
        body = await scenario.graphql(
            RECIPIENTS,
            {"i": {"migrationId": migration["id"], "recipients": recipients}},
            scenario.token,
        )
        errors = body["data"]["changeMigrationRecipients"]["userErrors"]
        assert [(e["code"], e["field"]) for e in errors] == [expected]


async def test_the_source_resends_and_extends_an_offer(scenario, factory, settings, clock):
    migration = await scenario.offer()
    resent = await mutate(
        scenario, "resendMigrationOffer", {"migrationId": migration["id"]}, scenario.token
    )
    assert resent["userErrors"] == []
    assert await OutboxMail.filter(kind="OFFER").count() == 2
    assert await AuditEvent.filter(action="OFFER_RESENT").count() == 1
    clock.advance(timedelta(days=14))
    later = clock.now() + timedelta(days=10)
    for moment, expected in (
        (clock.now(), ["INVALID"]),
        (clock.now() + settings.offer_validity + timedelta(hours=1), ["INVALID"]),
        (later, []),
    ):
        body = await scenario.graphql(
            EXTEND,
            {"i": {"migrationId": migration["id"], "expiresAt": moment.isoformat()}},
            scenario.token,
        )
        assert codes(body["data"]["extendMigration"]) == expected
    assert await AuditEvent.filter(action="EXPIRY_EXTENDED").count() == 1
    clock.advance(timedelta(days=5))  # past the old expiry, before the new one
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration)[:1])
    assert claimed["userErrors"] == []
    clerk = await factory.token(await factory.user(scenario.source, role=Role.USER))
    outsider = await factory.token(await factory.user(await factory.environment()))
    assert codes(
        await mutate(scenario, "resendMigrationOffer", {"migrationId": migration["id"]}, clerk)
    ) == ["FORBIDDEN"]
    assert codes(
        await mutate(scenario, "resendMigrationOffer", {"migrationId": migration["id"]}, outsider)
    ) == ["NOT_FOUND"]
    clock.advance(timedelta(days=30))
    assert codes(
        await mutate(
            scenario, "resendMigrationOffer", {"migrationId": migration["id"]}, scenario.token
        )
    ) == ["NOT_OFFERED"]


# -- right codes that can no longer be used ------------------------------------------------------


@pytest.mark.parametrize("status", [S.EXPIRED, S.WITHDRAWN, S.REJECTED, S.QUEUED])
async def test_a_right_code_says_why_and_is_no_guess(
    scenario, factory, settings, clock, files, status
):
    engine = engine_of(settings, clock, files)
    case = await bring_to(status, scenario, engine, clock)
    others = scenario.items(case.migration)[1:]
    if status == S.WITHDRAWN:
        await scenario.graphql(
            WITHDRAW, {"input": {"migrationId": case.migration["id"]}}, scenario.token
        )
    elif status == S.REJECTED:
        await scenario.reject(case.migration["transferCode"], others)
    elif status == S.QUEUED:
        await scenario.claim(case.migration["transferCode"], others)
    expected = "ALREADY_RECEIVED" if status == S.QUEUED else status.value
    for _ in range(6):
        body = await scenario.preview(case.migration["transferCode"])
        assert refusal_of(body) == (expected, None)
        claim = await scenario.claim(case.migration["transferCode"], [case.item_id])
        assert claim["userErrors"][0]["code"] == expected
        assert claim["userErrors"][0]["field"] == ["input", "transferCode"]
    assert await CodeAttempt.all().count() == 0
    fresh = await scenario.offer(administrations=[await factory.administration(scenario.exact)])
    assert preview_of(await scenario.preview(fresh["transferCode"]))
    body = await scenario.preview(WRONG_CODE)
    assert refusal_of(body) == ("TRANSFER_CODE_INVALID", None)
    assert await CodeAttempt.all().count() == 1


# -- rule 12 and the chosen code -----------------------------------------------------------------

PREVIEW_ROWS = """query($c: String!) { transferCodePreview(transferCode: $c) { preview {
  pricePerAdministration { amount currency }
  administrations { nodes { canReceive duplicateInTarget codeInUse } } }
  userErrors { code } } }"""


async def test_a_twin_in_the_target_blocks_whatever_code_is_chosen(scenario, factory):
    first = scenario.ready[0]
    await factory.administration(scenario.target_exact, code=first.code, name=first.name)
    migration = await scenario.offer(administrations=[first])
    body = await scenario.graphql(
        PREVIEW_ROWS, {"c": migration["transferCode"]}, scenario.target_token
    )
    [row] = preview_of(body)["administrations"]["nodes"]
    assert (row["duplicateInTarget"], row["canReceive"]) == (True, False)
    claimed = await scenario.claim(
        migration["transferCode"], scenario.items(migration), administration_code="NEW-1"
    )
    assert codes(claimed) == ["DUPLICATE_IN_TARGET"]


async def test_a_code_in_use_must_be_changed(scenario, factory):
    first = scenario.ready[0]
    await factory.administration(scenario.target_exact, code=first.code, name="Iets Anders")
    migration = await scenario.offer()
    body = await scenario.graphql(
        PREVIEW_ROWS, {"c": migration["transferCode"]}, scenario.target_token
    )
    preview = preview_of(body)
    assert preview["pricePerAdministration"] == {"amount": "49.00", "currency": "EUR"}
    row = preview["administrations"]["nodes"][0]
    assert (row["codeInUse"], row["canReceive"]) == (True, True)
    items = scenario.items(migration)
    claimed = await scenario.claim(migration["transferCode"], items[:1])
    assert claimed["userErrors"][0]["code"] == "CODE_IN_USE"
    assert claimed["userErrors"][0]["field"] == [
        "input",
        "administrations",
        "0",
        "administrationCode",
    ]
    both = await scenario.claim(migration["transferCode"], items, administration_code="SAME-1")
    assert "DUPLICATE_IN_INPUT" in codes(both)
    assert (
        await scenario.claim(migration["transferCode"], items[:1], administration_code="FREE-1")
    )["userErrors"] == []
    other = await scenario.offer(administrations=[await factory.administration(scenario.exact)])
    taken = await scenario.claim(
        other["transferCode"], scenario.items(other), administration_code="FREE-1"
    )
    assert codes(taken) == ["CODE_IN_USE"]  # chosen by a claim still on its way


@pytest.mark.parametrize("code", ["<b>\nx", "a b", "x" * 33, "é", "a/b", "9" * 3000])
async def test_a_chosen_code_is_validated(scenario, code):
    migration = await scenario.offer()
    claimed = await scenario.claim(
        migration["transferCode"], scenario.items(migration)[:1], administration_code=code
    )
    assert [(e["code"], e["field"]) for e in claimed["userErrors"]] == [
        ("INVALID", ["input", "administrations", "0", "administrationCode"])
    ]


async def test_a_good_chosen_code_becomes_the_inbound_address(scenario, settings, clock, files):
    migration = await scenario.offer()
    claimed = await scenario.claim(
        migration["transferCode"], scenario.items(migration)[:1], administration_code="A.b-c_9"
    )
    assert claimed["userErrors"] == []
    await engine_of(settings, clock, files).run_until_idle()
    await scenario.ready[0].refresh_from_db()
    assert scenario.ready[0].code == "A.b-c_9"
    assert "A.b-c_9".lower() in scenario.ready[0].inbound_mail_address.lower()


# -- costs ---------------------------------------------------------------------------------------

LINES = """{ billableLines(first: 10) { totalCount nodes { id amount currency description
  administration { administrationName } migration { id } } } }"""


async def test_a_retried_move_is_billed_once_at_completion(scenario, settings, clock, files):
    engine = engine_of(settings, clock, files)
    case = await bring_to(S.QUEUED, scenario, engine, clock)
    item = await case.item()
    docs = await Document.filter(administration_id=item.administration_id)  # type: ignore[attr-defined]
    paths = [files.root / d.storage_key[:2] / d.storage_key[2:4] / d.storage_key for d in docs]
    good = {path: path.read_bytes() for path in paths}
    for path in paths:
        path.write_bytes(b"tampered")
    assert await engine.run_until_idle() == [S.FAILED]
    assert await BillableLine.all().count() == 0
    for path, data in good.items():
        path.write_bytes(data)
    retried = await mutate(
        scenario,
        "retryMigration",
        {"migrationAdministrationId": case.item_id},
        scenario.target_token,
    )
    assert retried["userErrors"] == []
    assert await engine.run_until_idle() == [S.COMPLETED]
    [line] = await BillableLine.all()
    assert line.item_id == case.pk  # type: ignore[attr-defined]


def test_the_price_is_configured():
    assert load_settings({}).migration_price == Price(Decimal("49.00"), "EUR")
    assert load_settings({"OVERDRACHT_MIGRATION_PRICE": "125,5 usd"}).migration_price == Price(
        Decimal("125.50"), "USD"
    )
    with pytest.raises(ConfigurationError, match="OVERDRACHT_MIGRATION_PRICE"):
        load_settings({"OVERDRACHT_MIGRATION_PRICE": "abc"})


async def test_billable_lines_are_for_the_receivers_superusers(
    scenario, factory, settings, clock, files
):
    case = await bring_to(S.COMPLETED, scenario, engine_of(settings, clock, files), clock)
    [line] = await BillableLine.all()
    assert (line.environment_id, line.amount, line.currency) == (
        scenario.target.pk,
        Decimal("49.00"),
        "EUR",
    )
    body = await scenario.graphql(LINES, {}, scenario.target_token)
    lines = body["data"]["billableLines"]
    assert lines["totalCount"] == 1
    assert lines["nodes"][0]["amount"] == "49.00"
    # The package as its users call it, as the mails say it, never the enum's name.
    assert lines["nodes"][0]["description"].endswith(" from Exact Online")
    assert lines["nodes"][0]["migration"]["id"] == case.migration["id"]
    assert (await scenario.graphql(LINES, {}, scenario.token))["data"]["billableLines"][
        "totalCount"
    ] == 0
    clerk = await factory.token(await factory.user(scenario.target, role=Role.USER))
    partner = await factory.token(scenario.target_superuser, scope=TokenScope.READ_ONLY)
    for token in (clerk, partner):
        body = await scenario.graphql(LINES, {}, token)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    node = "query($id: ID!) { node(id: $id) { id } }"
    line_id = gid("BillableLine", line)
    assert (await scenario.graphql(node, {"id": line_id}, scenario.target_token))["data"]["node"]
    assert (await scenario.graphql(node, {"id": line_id}, scenario.token))["data"]["node"] is None


@pytest.mark.parametrize("change", ["plan", "twin"])
async def test_the_move_checks_receiving_again_and_says_why(
    scenario, factory, settings, clock, files, change
):
    case = await bring_to(S.QUEUED, scenario, engine_of(settings, clock, files), clock)
    if change == "plan":
        scenario.target.plan = Plan.STANDARD
        await scenario.target.save()
    else:
        first = scenario.ready[0]
        await factory.administration(scenario.target_exact, code=first.code, name=first.name)
    assert await engine_of(settings, clock, files).run_until_idle() == [S.FAILED]
    item = await case.item()
    expected = (
        MoveFailure.TARGET_NOT_PREMIUM if change == "plan" else MoveFailure.DUPLICATE_IN_TARGET
    )
    assert item.failure == expected
    assert await BillableLine.all().count() == 0
