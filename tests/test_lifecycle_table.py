"""Every step of rule 14 from every status, allowed and refused, with its audit event and mail.

The expected table is written out here and checked against models/lifecycle.TRANSITIONS, so
neither can change without the other. People's steps go over HTTP; the worker's steps through
the move engine, and complete/fail from a status no worker holds through the state machine.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from mail.composing import written
from mail.formatting import DEFAULT_TIME_ZONE
from models import (
    AuditEvent,
    CodeAttempt,
    Environment,
    OutboxMail,
    lifecycle,
)
from models.enums import MigrationStatus, MoveFailure
from models.lifecycle import TRANSITIONS, Change, Completion, Step
from tests.documents import WITHDRAW
from tests.scenarios import RECEIVED, Case, Scenario, bring_to, codes
from worker.expiry import OfferExpiry
from worker.mover import Mover

S = MigrationStatus
STATUSES = list(MigrationStatus)
STEPS = [step for step in Step if step != Step.OFFER]

# (status, step) -> the status it leads to; every pair not listed is refused.
EXPECTED: dict[tuple[MigrationStatus, Step], MigrationStatus] = {
    (S.OFFERED, Step.WITHDRAW): S.WITHDRAWN,
    (S.OFFERED, Step.EXPIRE): S.EXPIRED,
    (S.OFFERED, Step.CLAIM): S.QUEUED,
    (S.OFFERED, Step.REJECT): S.REJECTED,
    (S.QUEUED, Step.CANCEL): S.OFFERED,
    (S.QUEUED, Step.START): S.RUNNING,
    (S.RUNNING, Step.COMPLETE): S.COMPLETED,
    (S.RUNNING, Step.FAIL): S.FAILED,
    (S.FAILED, Step.RETRY): S.QUEUED,
    (S.FAILED, Step.GIVE_UP): S.REJECTED,
    (S.FAILED, Step.WITHDRAW): S.WITHDRAWN,
}
MAIL = {
    Step.EXPIRE: "EXPIRY",
    Step.CLAIM: "CLAIM",
    Step.WITHDRAW: "WITHDRAWAL",
    Step.REJECT: "REJECTION",
    Step.CANCEL: "RELEASE",
    Step.GIVE_UP: "RELEASE",
    Step.COMPLETE: "COMPLETION",
    Step.FAIL: "FAILURE",
}
NEVER_RECEIVED = {S.OFFERED, S.WITHDRAWN, S.EXPIRED}


def refusal(step: Step, status: MigrationStatus) -> str | None:
    """The userError code a refused step over HTTP answers with (None: not an HTTP step)."""
    if step in (Step.CLAIM, Step.REJECT):
        return "ALREADY_RECEIVED" if status in RECEIVED else status.value
    if step == Step.WITHDRAW:
        if status in (S.QUEUED, S.RUNNING):
            return "MOVE_STARTED"
        return "EXPIRED" if status == S.EXPIRED else "ALREADY_ENDED"
    if step == Step.CANCEL:
        return "NOT_FOUND" if status in NEVER_RECEIVED else "NOT_QUEUED"
    if step == Step.GIVE_UP:
        return "NOT_FOUND" if status in NEVER_RECEIVED else "NOT_FAILED"
    if step == Step.RETRY:
        return "NOT_FAILED"
    return None


def test_the_table_is_the_state_machine():
    for status in STATUSES:
        for step in STEPS:
            transition = TRANSITIONS[step]
            expected = EXPECTED.get((status, step))
            assert (status in transition.sources) == (expected is not None), (status, step)
            if expected is not None:
                assert expected in transition.targets, (status, step)


async def take(step: Step, case: Case, clock) -> list[str]:
    """Take one step on the case's administration; the userError codes it answered."""
    scenario, code = case.scenario, case.migration["transferCode"]
    if step == Step.WITHDRAW:
        variables = {
            "input": {
                "migrationId": case.migration["id"],
                "migrationAdministrationId": case.item_id,
            }
        }
        body = await scenario.graphql(WITHDRAW, variables, scenario.token)
        return codes(body["data"]["withdrawMigration"])
    if step == Step.CLAIM:
        return codes(await scenario.claim(code, [case.item_id]))
    if step == Step.REJECT:
        return codes(await scenario.reject(code, [case.item_id]))
    if step == Step.CANCEL:
        field = "migrationAdministrationId"
        return await case.mutate("cancelMigration", field, case.item_id, scenario.target_token)
    if step == Step.GIVE_UP:
        field = "migrationAdministrationId"
        return await case.mutate("giveUpMigration", field, case.item_id, scenario.target_token)
    if step == Step.RETRY:
        return await case.mutate(
            "retryMigration", "migrationAdministrationId", case.item_id, scenario.target_token
        )
    if step == Step.EXPIRE:
        clock.advance(timedelta(days=15))
        await OfferExpiry(case.engine.settings, clock).run_once()
    elif step == Step.START:
        await case.engine.take()
    elif case.held is not None:  # complete or fail a move this worker holds
        if step == Step.FAIL:
            await case.damage_files()
        await case.engine.work(case.held)
    else:  # no worker holds it: the state machine itself must refuse
        item = await case.item()
        migration = await item.migration
        change = Change(case.engine.settings, clock.now())
        if step == Step.COMPLETE:
            env = await Environment.get(pk=migration.source_environment_id)  # type: ignore[attr-defined]
            done = Completion(0, 0, await item.administration, env, env)
            assert not await lifecycle.complete(change, migration, item, item.move_attempts, done)
        else:
            failure = MoveFailure.FILE_DAMAGED
            assert not await lifecycle.fail(
                change, migration, item, item.move_attempts, failure, "x"
            )
    return []


async def mails_about(case: Case) -> Counter[str]:
    """The kinds of mail that name this administration (its offer's others have their own)."""
    name = (await case.item()).administration_name
    mails = await OutboxMail.all()
    return Counter(mail.kind for mail in mails if name in written(mail, DEFAULT_TIME_ZONE).text)


@pytest.mark.parametrize("step", STEPS, ids=str)
@pytest.mark.parametrize("status", STATUSES, ids=str)
async def test_every_step_from_every_status(
    scenario: Scenario, settings, clock, files, status: MigrationStatus, step: Step
):
    engine = Mover(settings, clock, files, batch_size=2)
    case = await bring_to(status, scenario, engine, clock)
    audit_before = Counter(
        await AuditEvent.filter(item_id=case.pk).values_list("action", flat=True)
    )
    mail_before = await mails_about(case)
    attempts_before = await CodeAttempt.all().count()

    errors = await take(step, case, clock)

    item = await case.item()
    audit = Counter(await AuditEvent.filter(item_id=case.pk).values_list("action", flat=True))
    mail = await mails_about(case)
    expected = EXPECTED.get((status, step))
    assert await CodeAttempt.all().count() == attempts_before  # a right code is never a guess
    if expected is None:
        assert item.effective_status(clock.now()) == status
        assert audit == audit_before
        assert mail == mail_before
        if (code := refusal(step, status)) is not None:
            assert errors == [code]
        return
    assert errors == []
    assert item.effective_status(clock.now()) == expected
    assert audit - audit_before == Counter({TRANSITIONS[step].audit.value: 1})
    new_mail = mail - mail_before
    assert new_mail == (Counter({MAIL[step]: 1}) if step in MAIL else Counter())
