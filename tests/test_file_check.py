"""The file check (scrubbing): bytes damaged at rest are found, shown and kept from moving."""

from __future__ import annotations

import asyncio
import uuid

from models import Document, ScrubRound
from overdracht.filestore import FileProblem
from overdracht.s3_store import S3FileStore
from tests.file_stores import SeaweedFS, both_file_stores, remove_stored, replace_stored
from tests.scenarios import Scenario, codes, gid
from worker.scrubbing import ROUND_PAUSE, Scrubber

SHOWN = """query($a: ID!, $c: ID!) {
  administrations { nodes { id damagedFileCount } }
  documents(administrationId: $a, fileProblemOnly: true, first: 10) {
    totalCount nodes { title fileProblem fileProblemFoundAt }
  }
  offerChecklist(connectionId: $c, first: 10) {
    nodes { administration { id } canBeOffered allFilesIntact damagedFiles }
  }
}"""


async def _full_round(scrubber: Scrubber) -> int:
    """Run batches until a round of every stored file is complete; the files checked."""
    checked = 0
    for _ in range(10_000):
        for report in await scrubber.run_once():
            assert report is not None, "no outage here"
            checked += report.checked
            if report.round_completed:
                return checked
    raise AssertionError("the round never completed")


@both_file_stores
async def test_a_file_damaged_at_rest_is_found_shown_and_keeps_its_administration_home(
    scenario: Scenario, settings, clock, files
):
    administration = scenario.ready[0]
    await scenario.factory.archive(administration, 30)
    victim = await Document.filter(administration_id=administration.pk).order_by("id").offset(12)
    victim = victim[0]
    replace_stored(files, victim.storage_key, bytes(victim.size))  # same size: only a read sees it
    scrubber = Scrubber(settings, clock, files, batch_size=7)

    assert await _full_round(scrubber) == await Document.all().count()

    found = await Document.get(pk=victim.pk)
    assert (found.damage, found.damage_found_at) == (FileProblem.DAMAGED, clock.now())
    assert await Document.filter(damage__not_isnull=True).count() == 1
    body = await scenario.graphql(
        SHOWN,
        {
            "a": gid("Administration", administration),
            "c": gid("AccountingConnection", scenario.exact),
        },
        scenario.token,
    )
    assert "errors" not in body, body
    counts = {
        row["id"]: row["damagedFileCount"] for row in body["data"]["administrations"]["nodes"]
    }
    assert counts[gid("Administration", administration)] == 1
    assert sum(counts.values()) == 1
    listed = body["data"]["documents"]
    assert listed["totalCount"] == 1 and listed["nodes"][0]["fileProblem"] == "DAMAGED"
    [row] = [
        row
        for row in body["data"]["offerChecklist"]["nodes"]
        if row["administration"]["id"] == gid("Administration", administration)
    ]
    assert row == {
        "administration": {"id": gid("Administration", administration)},
        "canBeOffered": False,
        "allFilesIntact": False,
        "damagedFiles": 1,
    }
    refused = await scenario.offer_payload(administrations=[administration])
    assert codes(refused) == ["HAS_DAMAGED_FILES"]
    assert "restored from a backup" in refused["userErrors"][0]["message"]

    # Restored from a backup: the offer looks again at once and goes through.
    replace_stored(files, victim.storage_key, await _original(scenario, victim))
    assert (await scenario.offer_payload(administrations=[administration]))["userErrors"] == []
    assert (await Document.get(pk=victim.pk)).damage is None


@both_file_stores
async def test_the_next_round_clears_damage_once_the_file_is_restored(
    scenario: Scenario, settings, clock, files
):
    document = await Document.filter(administration_id=scenario.ready[0].pk).first()
    original = b"".join([chunk async for chunk in files.stream(document.storage_key)])
    replace_stored(files, document.storage_key, b"rotted")
    scrubber = Scrubber(settings, clock, files, batch_size=7)
    await _full_round(scrubber)
    assert (await Document.get(pk=document.pk)).damage == FileProblem.DAMAGED

    replace_stored(files, document.storage_key, original)
    assert await scrubber.run_once() == [], "the next round waits for its pause"
    clock.advance(ROUND_PAUSE)
    await _full_round(scrubber)
    assert (await Document.get(pk=document.pk)).damage is None


async def _original(scenario: Scenario, document: Document) -> bytes:
    """The bytes the factory's archive stored for a document (they name it by index)."""
    index = int(document.file_name.removeprefix("doc-").removesuffix(".pdf"))
    return f"%PDF-1.4 archive {document.administration_id} {index}".encode()


@both_file_stores
async def test_a_file_gone_from_the_store_is_recorded_as_missing(
    scenario: Scenario, settings, clock, files
):
    document = await Document.filter(administration_id=scenario.ready[1].pk).first()
    remove_stored(files, document.storage_key)
    await _full_round(Scrubber(settings, clock, files, batch_size=7))
    assert (await Document.get(pk=document.pk)).damage == FileProblem.MISSING
    assert await Document.filter(damage__not_isnull=True).count() == 1


async def test_workers_share_a_round_and_check_each_file_once(
    scenario: Scenario, settings, clock, files
):
    await scenario.factory.archive(scenario.ready[0], 200)
    total = await Document.all().count()
    scrubbers = [Scrubber(settings, clock, files, batch_size=9) for _ in range(3)]
    checked: list[int] = []

    async def work(scrubber: Scrubber) -> None:
        while reports := await scrubber.run_once():  # none once the round is over
            checked.extend(report.checked for report in reports if report is not None)

    await asyncio.gather(*(work(s) for s in scrubbers))
    assert sum(checked) == total, "every file once in the round: none skipped, none twice"
    assert (await ScrubRound.get(pk=1)).rounds_completed >= 1


async def test_a_store_that_does_not_answer_gives_the_batch_back(
    scenario: Scenario, seaweedfs: SeaweedFS, settings, clock
):
    files = S3FileStore.from_settings(
        seaweedfs.settings(prefix=f"scrub-{uuid.uuid4().hex[:12]}"),
        read_timeout=1.0,
        write_timeout=1.0,
    )
    await scenario.factory.archive(scenario.ready[0], 5)
    scrubber = Scrubber(settings, clock, files, batch_size=3)
    before = (await ScrubRound.get_or_none(pk=1)) and (await ScrubRound.get(pk=1)).after_document_id
    with seaweedfs.frozen():
        assert await scrubber.run_once() == [None], "handed back: an outage checks nothing"
    state = await ScrubRound.get(pk=1)
    assert state.after_document_id == (before or 0), "the batch is checked again later"
    assert await Document.filter(damage__not_isnull=True).count() == 0, "an outage is no damage"
