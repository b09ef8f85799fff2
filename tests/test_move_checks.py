"""The move checks receiving again, and every refusal it can meet fails the move with its reason."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import pytest

from models import (
    AccountingConnection,
    Administration,
    Document,
    Environment,
    MigrationAdministration,
    OutboxMail,
    WebhookDelivery,
    WebhookEndpoint,
)
from models.enums import AccountingPackage, DocumentStatus, MigrationStatus, MoveFailure, Plan
from models.offering import REFUSED_WHILE_MOVING as OFFER_REFUSED_WHILE_MOVING
from models.offering import DamageRecheck, check_offerable
from models.receiving import REFUSED_WHILE_MOVING, ReceivingChoice, check_receiving
from models.refusals import RefusalCode
from models.webhooks import WebhookEventType, new_secret
from overdracht.filestore import FileProblem
from tests.conftest import Factory
from tests.scenarios import Scenario, bring_to, pk_of
from worker.move import MoveFailed, Parties
from worker.move_checks import FAILURE_OF, OFFER_FAILURE_OF, check_preconditions
from worker.mover import Mover

Change = Callable[[Scenario, Factory, MigrationAdministration], Awaitable[None]]


async def _plan_lowered(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    await Environment.filter(pk=scenario.target.pk).update(plan=Plan.STANDARD)


async def _connection_gone(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    elsewhere = await factory.environment()
    await AccountingConnection.filter(pk=item.target_connection_id).update(
        environment_id=elsewhere.pk
    )


async def _package_gone(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    await AccountingConnection.filter(pk=item.target_connection_id).update(
        package=AccountingPackage.TWINFIELD
    )


async def _connection_repackaged(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    await factory.connection(scenario.target, AccountingPackage.EXACT_ONLINE, name="Exact twee")
    await _package_gone(scenario, factory, item)


async def _twin_added(scenario: Scenario, factory: Factory, item: MigrationAdministration) -> None:
    await factory.administration(
        scenario.target_exact, code=item.administration_code, name=item.administration_name
    )


async def _code_taken(scenario: Scenario, factory: Factory, item: MigrationAdministration) -> None:
    assert item.target_code
    await factory.administration(scenario.target_exact, code=item.target_code, name="Iets anders")


# What can change in the days between a claim and its move, and the refusal each one brings.
CHANGES: dict[RefusalCode, Change] = {
    RefusalCode.NOT_PREMIUM: _plan_lowered,
    RefusalCode.NOT_FOUND: _connection_gone,
    RefusalCode.NO_CONNECTION_OF_PACKAGE: _package_gone,
    RefusalCode.WRONG_PACKAGE: _connection_repackaged,
    RefusalCode.DUPLICATE_IN_TARGET: _twin_added,
    RefusalCode.CODE_IN_USE: _code_taken,
}


def test_every_refusal_the_move_can_meet_has_a_failure_and_none_is_guessed():
    # The changes below reach each refusal of REFUSED_WHILE_MOVING, and nothing else maps.
    assert set(CHANGES) == REFUSED_WHILE_MOVING
    assert set(FAILURE_OF) == REFUSED_WHILE_MOVING
    # A code's form is checked at the claim only: no refusal of it stands for another failure.
    assert RefusalCode.INVALID not in FAILURE_OF


@pytest.mark.parametrize("refusal", sorted(CHANGES))
async def test_a_change_since_the_claim_fails_the_move_with_its_own_reason(
    scenario, factory, settings, clock, files, refusal
):
    case = await bring_to(MigrationStatus.QUEUED, scenario, Mover(settings, clock, files), clock)
    item = await MigrationAdministration.get(pk=pk_of(case.item_id))
    await CHANGES[refusal](scenario, factory, item)

    parties = await Parties.of(item.pk)
    choice = ReceivingChoice(item, connection_id=item.target_connection_id, code=item.target_code)
    checked = await check_receiving(
        parties.target, parties.migration.package, [choice], moving=True
    )
    met = [r.code for r in [*checked.target_refusals, *checked.refusals[0]]]
    assert met[0] == refusal
    assert set(met) <= REFUSED_WHILE_MOVING
    with pytest.raises(MoveFailed) as failed:
        await check_preconditions(parties, files)
    assert failed.value.failure == FAILURE_OF[refusal]


async def _package_unmovable(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    await AccountingConnection.filter(pk=scenario.exact.pk).update(
        package=AccountingPackage.SNELSTART
    )


async def _authorizer_added(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    administration = await Administration.get(pk=item.administration_id)
    await factory.authorizer_in_flow(administration, scenario.clerk)


async def _workflow_started(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    await factory.workflow(await Administration.get(pk=item.administration_id))


async def _document_added(
    scenario: Scenario, factory: Factory, item: MigrationAdministration
) -> None:
    administration = await Administration.get(pk=item.administration_id)
    await factory.document(administration, status=DocumentStatus.NEW)


async def _file_lost(scenario: Scenario, factory: Factory, item: MigrationAdministration) -> None:
    found_at = factory.clock.now()
    document = await Document.filter(administration_id=item.administration_id).first()
    assert document is not None
    await Document.filter(pk=document.pk).update(
        storage_key="nowhere/at/all", damage=FileProblem.MISSING, damage_found_at=found_at
    )


# What can change in the source between a claim and its move, the refusal it brings, and the
# failure the move says (a lost file names itself rather than the checklist).
OFFER_CHANGES: dict[RefusalCode, tuple[Change, MoveFailure]] = {
    RefusalCode.NOT_MIGRATABLE: (_package_unmovable, MoveFailure.SOURCE_CHANGED),
    RefusalCode.HAS_AUTHORIZERS: (_authorizer_added, MoveFailure.CHECKLIST_FAILED),
    RefusalCode.HAS_ACTIVE_WORKFLOW: (_workflow_started, MoveFailure.CHECKLIST_FAILED),
    RefusalCode.HAS_PENDING_DOCUMENTS: (_document_added, MoveFailure.CHECKLIST_FAILED),
    RefusalCode.HAS_DAMAGED_FILES: (_file_lost, MoveFailure.FILE_MISSING),
}


def test_every_offer_refusal_the_move_can_meet_has_a_failure():
    assert set(OFFER_CHANGES) == OFFER_REFUSED_WHILE_MOVING
    assert set(OFFER_FAILURE_OF) == OFFER_REFUSED_WHILE_MOVING


@pytest.mark.parametrize("refusal", sorted(OFFER_CHANGES))
async def test_the_move_runs_the_offer_check_again_and_fails_with_its_reason(
    scenario, factory, settings, clock, files, refusal
):
    case = await bring_to(MigrationStatus.QUEUED, scenario, Mover(settings, clock, files), clock)
    item = await MigrationAdministration.get(pk=pk_of(case.item_id))
    change, failure = OFFER_CHANGES[refusal]
    await change(scenario, factory, item)

    recheck = DamageRecheck(files, at_most=50)
    [offerable] = await check_offerable(
        scenario.source.pk, [item.administration_id], recheck, now=None
    )
    assert [r.code for r in offerable.refusals] == [refusal]
    with pytest.raises(MoveFailed) as failed:
        await check_preconditions(await Parties.of(item.pk), files)
    assert failed.value.failure == failure


ITEMS = """query($id: ID!) { migration(id: $id) {
    administrations { nodes { status failure reason chosenCode } }
    auditTrail(first: 100) { nodes { action detail } } } }"""


async def test_a_code_taken_since_the_claim_tells_the_source_no_code_the_receiver_chose(
    scenario, factory, settings, clock, files
):
    """The chosen code is the receiver's alone: the source learns the failure, not the code."""
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    claimed = await scenario.claim(
        migration["transferCode"], scenario.items(migration), administration_code="BOS-KEUZE-9"
    )
    assert claimed["userErrors"] == [], claimed
    await factory.administration(scenario.target_exact, code="BOS-KEUZE-9", name="Iets anders")
    hooks = {}
    for side, office in (("source", scenario.source), ("target", scenario.target)):
        hooks[side] = await WebhookEndpoint.create(
            environment_id=office.pk,
            url=f"https://{side}.example/hook",
            events=[WebhookEventType.MOVE_FAILED.value],
            secret=new_secret(),
            created_at=clock.now(),
            updated_at=clock.now(),
        )
    assert await Mover(settings, clock, files).run_until_idle() == [MigrationStatus.FAILED]

    seen = {}
    for side, token in (("source", scenario.token), ("target", scenario.target_token)):
        body = await scenario.graphql(ITEMS, {"id": migration["id"]}, token)
        [seen[side]] = body["data"]["migration"]["administrations"]["nodes"]
        seen[side]["trail"] = json.dumps(body["data"]["migration"]["auditTrail"]["nodes"])
    assert '"RECEIVED"' in seen["source"]["trail"] and '"FAILED"' in seen["source"]["trail"]
    assert "BOS-KEUZE-9" not in seen["source"]["trail"]
    assert "BOS-KEUZE-9" in seen["target"]["trail"]
    assert seen["source"]["failure"] == seen["target"]["failure"] == "CODE_IN_USE"
    assert "BOS-KEUZE-9" in seen["target"]["reason"]
    assert seen["source"]["chosenCode"] is None
    assert seen["source"]["reason"] and "BOS-KEUZE-9" not in seen["source"]["reason"]
    [mail] = await OutboxMail.filter(kind="FAILURE")
    assert scenario.superuser.email in mail.to
    assert mail.notice is not None  # written out when it is first sent, from this data
    assert mail.notice["reason"] == seen["source"]["reason"]
    assert "BOS-KEUZE-9" not in json.dumps(mail.notice)
    told = {}
    for side, hook in hooks.items():
        [delivery] = await WebhookDelivery.filter(endpoint_id=hook.pk)
        told[side] = delivery.body
    assert "CODE_IN_USE" in told["source"] and "BOS-KEUZE-9" not in told["source"]
    assert "BOS-KEUZE-9" in told["target"]
