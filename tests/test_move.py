"""The move: end to end over HTTP and SMTP, failures that change nothing, races, a killed worker."""

from __future__ import annotations

import asyncio
import re
import signal
from datetime import timedelta

import pytest

from models import (
    Administration,
    AuditEvent,
    AuthorizationFlow,
    BillableLine,
    CodeAttempt,
    Document,
    MigrationAdministration,
    Workflow,
)
from models.enums import DocumentStatus, MigrationStatus, MoveFailure
from tests.documents import RETRY, WITHDRAW
from tests.file_stores import both_file_stores, replace_stored
from tests.scenarios import Scenario, codes, gid, pk_of, preview_of, wait_until
from tests.workers import start_worker
from worker.dispatcher import MailDispatcher
from worker.expiry import OfferExpiry
from worker.mover import Mover

DOCUMENTS = """
query($a: ID!, $after: String) {
  documents(administrationId: $a, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id title sha256 fileSize uploadedByName approvedByName downloadPath }
  }
}"""

ADMINISTRATIONS = "{ administrations { totalCount nodes { id code name inboundMailAddress } } }"


def engine(scenario: Scenario, settings, clock, files, **kwargs) -> Mover:
    return Mover(settings, clock, files, batch_size=kwargs.pop("batch_size", 2), **kwargs)


@both_file_stores
async def test_end_to_end_offer_mail_claim_move_and_download(
    scenario: Scenario, mail_settings, smtp_server, clock, files
):
    anna = scenario.superuser
    first = scenario.ready[0]
    await scenario.factory.document(first, uploaded_by=scenario.clerk, approved_by=anna)
    originals = {
        doc.pk: (await _read(files, doc.storage_key), doc.sha256)
        for doc in await Document.filter(administration_id=first.pk)
    }
    await scenario.offer(administrations=[first])
    dispatcher = MailDispatcher(mail_settings, clock)
    assert await dispatcher.deliver_due() == 1
    [offer_mail] = smtp_server.messages
    assert set(offer_mail.envelope_to) == {"eva@bosman.example", anna.email}
    text = offer_mail.message.get_body(("plain",)).get_content()
    code = re.search(r"\b([2-9A-Z]{4}(?:-[2-9A-Z]{4}){4})\b", text).group(1)

    preview = await scenario.preview(code)
    item_id = preview_of(preview)["administrations"]["nodes"][0]["administration"]["id"]
    claimed = await scenario.claim(code, [item_id], administration_code="77-KORST")
    assert claimed["userErrors"] == []

    results = await engine(scenario, mail_settings, clock, files).run_until_idle()
    assert results == [MigrationStatus.COMPLETED]

    target_view = await scenario.graphql(ADMINISTRATIONS, None, scenario.target_token)
    [moved] = target_view["data"]["administrations"]["nodes"]
    assert moved["code"] == "77-KORST"
    assert moved["name"] == "Bakkerij De Korst"
    expected_address = f"{scenario.target.office_code}.77-korst@{mail_settings.inbound_mail_domain}"
    assert moved["inboundMailAddress"] == expected_address.lower()
    source_view = await scenario.graphql(ADMINISTRATIONS, None, scenario.token)
    assert "Bakkerij De Korst" not in [
        n["name"] for n in source_view["data"]["administrations"]["nodes"]
    ]

    docs = await scenario.graphql(DOCUMENTS, {"a": moved["id"]}, scenario.target_token)
    nodes = docs["data"]["documents"]["nodes"]
    assert len(nodes) == len(originals) == 4
    for node in nodes:
        response = await scenario.server.client.get(
            node["downloadPath"], headers={"Authorization": f"Bearer {scenario.target_token}"}
        )
        assert response.status_code == 200
        original_bytes, original_sha = originals[int(response.url.path.split("/")[2])]
        assert response.content == original_bytes
        assert node["sha256"] == original_sha
    named = [n for n in nodes if n["approvedByName"]]
    assert named[0]["uploadedByName"] == scenario.clerk.display_name
    assert named[0]["approvedByName"] == "Anna de Vries"
    assert not await Document.filter(
        administration_id=first.pk, uploaded_by_id__not_isnull=True
    ).exists()
    assert not await Document.filter(
        administration_id=first.pk, approved_by_id__not_isnull=True
    ).exists()
    old_download = await scenario.server.client.get(
        nodes[0]["downloadPath"], headers={"Authorization": f"Bearer {scenario.token}"}
    )
    assert old_download.status_code == 404

    assert await dispatcher.deliver_due() == 2, "the claim's notice and the completion"
    claimed, completion = smtp_server.messages[-2:]
    assert claimed.envelope_to == [anna.email]
    assert "Eva" in claimed.message.get_body(("plain",)).get_content()
    assert set(completion.envelope_to) == {anna.email, "eva@bosman.example"}
    assert expected_address.lower() in completion.message.get_body(("plain",)).get_content()

    actions = (
        await AuditEvent.filter(item_id__not_isnull=True)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["OFFERED", "RECEIVED", "STARTED", "COMPLETED"]
    item = await MigrationAdministration.get()
    assert (item.documents_done, item.documents_total, item.checksums_verified) == (4, 4, True)
    assert item.bytes_total == sum(len(b) for b, _ in originals.values())


async def _read(files, key: str) -> bytes:
    return b"".join([chunk async for chunk in files.stream(key)])


async def _claim_all(scenario: Scenario) -> dict:
    migration = await scenario.offer()
    payload = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert payload["userErrors"] == []
    return migration


async def _snapshot(administration_id: int) -> tuple:
    adm = await Administration.get(pk=administration_id)
    docs = (
        await Document.filter(administration_id=administration_id)
        .order_by("id")
        .values_list("id", "uploaded_by_id", "approved_by_id", "sha256", "status")
    )
    return adm.environment_id, adm.connection_id, adm.code, adm.inbound_mail_address, docs


@both_file_stores
async def test_a_move_that_fails_on_a_bad_file_leaves_the_source_as_it_was(
    scenario: Scenario, settings, clock, files
):
    victim = scenario.ready[0]
    await scenario.factory.document(victim, uploaded_by=scenario.clerk, data=b"%PDF-1.4 unique")
    before = await _snapshot(victim.pk)
    await _claim_all(scenario)
    broken = await Document.filter(administration_id=victim.pk).order_by("-id").first()
    good_bytes = await _read(files, broken.storage_key)
    replace_stored(files, broken.storage_key, b"tampered")

    results = await engine(scenario, settings, clock, files).run_until_idle()
    assert sorted(r.value for r in results) == ["COMPLETED", "FAILED"]
    failed = await MigrationAdministration.get(administration_id=victim.pk)
    assert failed.status == MigrationStatus.FAILED
    assert failed.failure == MoveFailure.FILE_DAMAGED
    assert f'"{broken.file_name}" of document "{broken.title}" is damaged' in failed.reason
    assert await _snapshot(victim.pk) == before

    replace_stored(files, broken.storage_key, good_bytes)
    body = await scenario.graphql(
        RETRY,
        {"input": {"migrationAdministrationId": gid("MigrationAdministration", failed)}},
        scenario.target_token,
    )
    assert body["data"]["retryMigration"]["userErrors"] == []
    assert await engine(scenario, settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED
    ]
    moved = await Administration.get(pk=victim.pk)
    assert moved.environment_id == scenario.target.pk


async def test_the_checklist_runs_again_and_stops_only_that_administration(
    scenario: Scenario, settings, clock, files
):
    await _claim_all(scenario)
    await scenario.factory.document(scenario.ready[0], status=DocumentStatus.NEW)
    await scenario.factory.workflow(scenario.ready[0])
    await engine(scenario, settings, clock, files).run_until_idle()
    statuses = dict(await MigrationAdministration.all().values_list("administration_id", "status"))
    assert statuses == {
        scenario.ready[0].pk: MigrationStatus.FAILED,
        scenario.ready[1].pk: MigrationStatus.COMPLETED,
    }
    failed = await MigrationAdministration.get(status=MigrationStatus.FAILED)
    assert "NEW or TO_AUTHORIZE" in failed.reason
    assert (await Administration.get(pk=scenario.ready[0].pk)).environment_id == scenario.source.pk


async def test_workflows_and_flows_never_move(scenario: Scenario, settings, clock, files):
    moving = scenario.ready[0]
    staying = await scenario.factory.administration(scenario.exact, name="Blijft Hier")
    for administration in (moving, staying):
        # An inactive workflow and a flow without authorizers do not stop an offer.
        await scenario.factory.workflow(administration, active=False)
        await scenario.factory.authorization_flow(administration)
    await _claim_all(scenario)
    assert await engine(scenario, settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED,
        MigrationStatus.COMPLETED,
    ]
    assert (await Administration.get(pk=moving.pk)).environment_id == scenario.target.pk
    assert await Workflow.filter(administration_id=moving.pk).count() == 0
    assert await AuthorizationFlow.filter(administration_id=moving.pk).count() == 0
    # What stays behind is the source's own set-up, not anyone else's.
    assert await Workflow.filter(administration_id=staying.pk).count() == 1
    assert await AuthorizationFlow.filter(administration_id=staying.pk).count() == 1


async def test_progress_is_visible_while_running(scenario: Scenario, settings, clock, files):
    await _claim_all(scenario)
    mover = engine(scenario, settings, clock, files, batch_size=1)
    [held] = await mover.take()
    item = await MigrationAdministration.get(pk=held.item_id)
    assert item.status == MigrationStatus.RUNNING
    query = """{ receivableAdministrations(status: RUNNING) {
        nodes { status progress { documentsDone documentsTotal } } } }"""
    seen = []
    original = mover._heartbeat

    async def watching(c, **changes):
        await original(c, **changes)
        body = await scenario.graphql(query, None, scenario.target_token)
        seen.append(body["data"]["receivableAdministrations"]["nodes"][0]["progress"])

    mover._heartbeat = watching  # type: ignore[method-assign]
    await mover.work(held)
    assert [p["documentsDone"] for p in seen] == [0, 1, 2, 3]
    assert {p["documentsTotal"] for p in seen} == {3}


async def test_nobody_sees_a_half_moved_administration(scenario: Scenario, settings, clock, files):
    await _claim_all(scenario)
    mover = engine(scenario, settings, clock, files, batch_size=1)
    [held] = await mover.take()
    views = []
    original = mover._heartbeat

    async def watching(c, **changes):
        await original(c, **changes)
        source = await scenario.graphql(ADMINISTRATIONS, None, scenario.token)
        target = await scenario.graphql(ADMINISTRATIONS, None, scenario.target_token)
        views.append(
            (
                source["data"]["administrations"]["totalCount"],
                target["data"]["administrations"]["totalCount"],
            )
        )

    mover._heartbeat = watching  # type: ignore[method-assign]
    await mover.work(held)
    assert set(views) == {(2, 0)}
    source = await scenario.graphql(ADMINISTRATIONS, None, scenario.token)
    assert source["data"]["administrations"]["totalCount"] == 1


async def test_an_expired_offer_is_recorded_by_the_worker(
    scenario: Scenario, settings, clock, files
):
    await scenario.offer()
    clock.advance(timedelta(days=15))
    assert await OfferExpiry(settings, clock).run_once() == 2
    assert await AuditEvent.filter(action="EXPIRED").count() == 2
    assert (
        await MigrationAdministration.filter(status="EXPIRED", open_administration_id=None).count()
        == 2
    )


async def test_the_expiry_loop_records_expired_offers_and_stops_when_asked(
    scenario: Scenario, settings, clock
):
    await scenario.offer()
    clock.advance(timedelta(days=15))
    stop = asyncio.Event()
    loop = asyncio.create_task(OfferExpiry(settings, clock).run_forever(stop, interval=0.01))

    async def recorded() -> bool:
        return await AuditEvent.filter(action="EXPIRED").count() == 2

    await wait_until(recorded, "the loop recording the expiry")
    stop.set()
    await asyncio.wait_for(loop, 30)
    assert (
        await MigrationAdministration.filter(status="EXPIRED", open_administration_id=None).count()
        == 2
    )


@pytest.mark.postgres
async def test_fifty_concurrent_claims_give_exactly_one_winner_and_one_billable_line(
    scenario: Scenario, factory, settings, clock, files
):
    migration = await scenario.offer()
    item = scenario.items(migration)[:1]
    tokens = [scenario.target_token]
    for _ in range(49):
        user = await factory.user(scenario.target)
        tokens.append(await factory.token(user))
    results = await asyncio.gather(
        *(scenario.claim(migration["transferCode"], item, token=t) for t in tokens)
    )
    winners = [r for r in results if r["userErrors"] == []]
    assert len(winners) == 1
    assert {tuple(codes(r)) for r in results if r["userErrors"]} == {("ALREADY_RECEIVED",)}
    assert await MigrationAdministration.filter(status="QUEUED").count() == 1
    assert await CodeAttempt.all().count() == 0  # losing a race is not a wrong guess
    assert await BillableLine.all().count() == 0  # charged when the move completes
    assert await engine(scenario, settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED
    ]
    [line] = await BillableLine.all()
    assert (line.environment_id, line.amount) == (
        scenario.target.pk,
        settings.migration_price.amount,
    )


@pytest.mark.postgres
async def test_claim_racing_withdraw_ends_consistent(scenario: Scenario):
    for _ in range(5):
        migration = await scenario.offer()
        items = scenario.items(migration)
        claim, withdraw = await asyncio.gather(
            scenario.claim(migration["transferCode"], items),
            scenario.graphql(WITHDRAW, {"input": {"migrationId": migration["id"]}}, scenario.token),
        )
        claimed = claim["userErrors"] == []
        withdrawn = withdraw["data"]["withdrawMigration"]["userErrors"] == []
        statuses = set(
            await MigrationAdministration.filter(migration_id=pk_of(migration["id"])).values_list(
                "status", flat=True
            )
        )
        assert claimed != withdrawn or statuses == {"QUEUED"}, (claim, withdraw)
        if claimed and not withdrawn:
            assert statuses == {MigrationStatus.QUEUED}
        if withdrawn and not claimed:
            assert statuses == {MigrationStatus.WITHDRAWN}
        await MigrationAdministration.filter(status__in=["QUEUED", "OFFERED"]).update(
            status="WITHDRAWN", open_administration_id=None
        )


@pytest.mark.postgres
async def test_two_engines_never_move_one_administration_twice(
    scenario: Scenario, settings, clock, files
):
    await _claim_all(scenario)
    engines = [engine(scenario, settings, clock, files, batch_size=1) for _ in range(3)]
    results = await asyncio.gather(*(e.run_until_idle() for e in engines))
    flat = [r for rs in results for r in rs]
    assert sorted(r.value for r in flat) == ["COMPLETED", "COMPLETED"]
    assert await AuditEvent.filter(action="STARTED").count() == 2
    assert await AuditEvent.filter(action="COMPLETED").count() == 2


@pytest.mark.postgres
async def test_a_worker_killed_mid_move_is_picked_up_and_ends_the_same(
    scenario: Scenario, settings, clock, files
):
    big = scenario.ready[0]
    await scenario.factory.archive(big, 3000, uploaded_by=scenario.clerk)
    ids_before = (
        await Document.filter(administration_id=big.pk).order_by("id").values_list("id", "sha256")
    )
    migration = await scenario.offer(administrations=[big])
    await scenario.claim(migration["transferCode"], scenario.items(migration))

    env = {
        "OVERDRACHT_MOVE_BATCH_SIZE": "10",
        "OVERDRACHT_MOVE_LEASE_SECONDS": "2",
        "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS": "1",  # shorter than the lease, or refused
    }
    first = start_worker(settings, **env)
    try:
        for _ in range(600):
            item = await MigrationAdministration.get(administration_id=big.pk)
            if item.status == MigrationStatus.RUNNING and item.documents_done > 0:
                break
            await asyncio.sleep(0.02)
        else:
            pytest.fail("the worker never started the move")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    killed_at = (await MigrationAdministration.get(administration_id=big.pk)).documents_done
    assert 0 < killed_at < 3003
    assert (await Administration.get(pk=big.pk)).environment_id == scenario.source.pk

    second = start_worker(settings, **env)
    try:
        for _ in range(1500):
            item = await MigrationAdministration.get(administration_id=big.pk)
            if item.status in (MigrationStatus.COMPLETED, MigrationStatus.FAILED):
                break
            await asyncio.sleep(0.05)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    item = await MigrationAdministration.get(administration_id=big.pk)
    assert item.status == MigrationStatus.COMPLETED, item.reason
    assert item.move_attempts == 2
    assert item.documents_done == item.documents_total == len(ids_before)
    assert (await Administration.get(pk=big.pk)).environment_id == scenario.target.pk
    ids_after = (
        await Document.filter(administration_id=big.pk).order_by("id").values_list("id", "sha256")
    )
    assert ids_after == ids_before
    assert await Document.all().count() == len(ids_before) + 2
    assert not await Document.filter(
        uploaded_by_id__not_isnull=True, administration_id=big.pk
    ).exists()
    assert await AuditEvent.filter(action="COMPLETED").count() == 1


async def test_a_completed_move_carries_a_receipt_for_both_sides(
    scenario: Scenario, settings, clock, files
):
    migration = await _claim_all(scenario)
    await engine(scenario, settings, clock, files).run_until_idle()
    query = """query($id: ID!) { migration(id: $id) { administrations { nodes {
        administrationName
        receipt { documentsMoved bytesMoved checksumsVerified verification completedAt }
    } } } }"""
    expected_bytes = {
        adm.name: sum(d.size for d in await Document.filter(administration_id=adm.pk))
        for adm in scenario.ready
    }
    for token in (scenario.token, scenario.target_token):
        body = await scenario.graphql(query, {"id": migration["id"]}, token)
        rows = body["data"]["migration"]["administrations"]["nodes"]
        for row in rows:
            receipt = row["receipt"]
            assert receipt["checksumsVerified"] is True
            assert receipt["verification"] == "READ", "the local disk reads every file back"
            assert receipt["bytesMoved"] == expected_bytes[row["administrationName"]]
        assert sorted(r["receipt"]["documentsMoved"] for r in rows) == [2, 3]


TRAIL = """query($id: ID!) {
  migration(id: $id) {
    auditTrail { nodes { action actorName administrationName actorOffice { officeCode } } }
  }
}"""


async def test_rule_16_both_sides_see_every_step_with_who_and_from_where(
    scenario: Scenario, settings, clock, files
):
    kept, declined = scenario.ready[0], scenario.ready[1]
    await scenario.factory.document(kept, uploaded_by=scenario.clerk, data=b"%PDF-1.4 trail")
    migration = await scenario.offer(administrations=[kept, declined])
    code = migration["transferCode"]
    kept_id, declined_id = scenario.items(migration)
    assert (await scenario.reject(code, [declined_id], "Not our client"))["userErrors"] == []
    broken = await Document.filter(administration_id=kept.pk).order_by("-id").first()
    path = files.root / broken.storage_key[:2] / broken.storage_key[2:4] / broken.storage_key
    good_bytes = path.read_bytes()
    path.write_bytes(b"tampered")
    assert (await scenario.claim(code, [kept_id]))["userErrors"] == []
    assert await engine(scenario, settings, clock, files).run_until_idle() == [
        MigrationStatus.FAILED
    ]
    path.write_bytes(good_bytes)
    retried = await scenario.graphql(
        RETRY,
        {"input": {"migrationAdministrationId": kept_id}},
        scenario.target_token,
    )
    assert retried["data"]["retryMigration"]["userErrors"] == []
    assert await engine(scenario, settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED
    ]

    source, target = scenario.source.office_code, scenario.target.office_code
    expected = [
        ("OFFERED", kept.name, source),
        ("OFFERED", declined.name, source),
        ("REJECTED", declined.name, target),
        ("RECEIVED", kept.name, target),
        ("STARTED", kept.name, target),
        ("FAILED", kept.name, target),
        ("RETRIED", kept.name, target),
        ("STARTED", kept.name, target),
        ("COMPLETED", kept.name, target),
    ]
    for token in (scenario.token, scenario.target_token):
        body = await scenario.graphql(TRAIL, {"id": migration["id"]}, token)
        trail = body["data"]["migration"]["auditTrail"]["nodes"]
        assert [
            (e["action"], e["administrationName"], e["actorOffice"]["officeCode"]) for e in trail
        ] == expected
        assert {e["actorName"] for e in trail if e["action"] in ("OFFERED", "REJECTED")} == {
            "Anna de Vries",
            scenario.target_superuser.display_name,
        }
