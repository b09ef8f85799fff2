"""A larger archive: many batches, files read ahead and verified, the end state exact."""

from __future__ import annotations

import asyncio

from models import Administration, Document, MigrationAdministration
from models.enums import MigrationStatus
from tests.file_stores import both_file_stores, replace_stored
from tests.scenarios import Scenario
from worker.mover import Mover

ARCHIVE = 3000


async def _archive(scenario: Scenario, files, clock, administration: Administration) -> None:
    """ARCHIVE documents with files, each uploaded and approved by a source user."""
    await scenario.factory.archive(
        administration, ARCHIVE, uploaded_by=scenario.clerk, approved_by=scenario.superuser
    )


async def _offer_and_claim(scenario: Scenario, administration: Administration) -> None:
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []


async def _documents(administration_id: int) -> list[tuple]:
    return list(
        await Document.filter(administration_id=administration_id)
        .order_by("id")
        .values_list("id", "sha256", "uploaded_by_id", "approved_by_id", "uploaded_by_name")
    )


@both_file_stores
async def test_a_large_archive_moves_whole_in_many_batches(
    scenario: Scenario, settings, clock, files
):
    big = scenario.ready[0]
    await _archive(scenario, files, clock, big)
    before = await _documents(big.pk)
    await _offer_and_claim(scenario, big)

    mover = Mover(settings, clock, files, batch_size=70)
    assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]

    moved = await Administration.get(pk=big.pk)
    assert (moved.environment_id, moved.connection_id) == (
        scenario.target.pk,
        scenario.target_exact.pk,
    )
    after = await _documents(big.pk)
    assert [(i, sha, name) for i, sha, _, _, name in after] == [
        (i, sha, name) for i, sha, _, _, name in before
    ]
    assert all(up is None and approved is None for _, _, up, approved, _ in after)
    item = await MigrationAdministration.get(administration_id=big.pk)
    assert item.status == MigrationStatus.COMPLETED
    assert (item.documents_done, item.documents_total) == (len(before), len(before))
    assert item.checksums_verified


async def test_a_damaged_file_deep_in_a_large_archive_changes_nothing(
    scenario: Scenario, settings, clock, files
):
    big = scenario.ready[0]
    await _archive(scenario, files, clock, big)
    await _offer_and_claim(scenario, big)
    before = await _documents(big.pk)
    victim = await Document.filter(administration_id=big.pk).order_by("-id").offset(40).first()
    replace_stored(files, victim.storage_key, b"damaged")

    mover = Mover(settings, clock, files, batch_size=70)
    assert await mover.run_until_idle() == [MigrationStatus.FAILED]

    item = await MigrationAdministration.get(administration_id=big.pk)
    assert f'"{victim.file_name}" of document "{victim.title}"' in item.reason
    assert await _documents(big.pk) == before
    assert (await Administration.get(pk=big.pk)).environment_id == scenario.source.pk


@both_file_stores
async def test_verify_names_every_bad_file_across_its_slices(files):
    good = [await files.put(f"file {i}".encode()) for i in range(600)]
    expected = [(f.key, f.sha256) for f in good]
    missing = "ab" * 32
    expected[17] = (expected[17][0], "0" * 64)
    expected[450] = (missing, "0" * 64)
    expected.append(("../../etc/passwd", "0" * 64))
    bad = await files.verify(expected)
    assert sorted(bad) == sorted([good[17].key, missing, "../../etc/passwd"])


@both_file_stores
async def test_overlapping_verifies_each_name_their_own_bad_files(files):
    """The engine hands over the next batch before the last one is hashed."""
    good = [await files.put(f"overlap {i}".encode()) for i in range(700)]
    first = [(f.key, f.sha256) for f in good[:350]]
    second = [(f.key, f.sha256) for f in good[350:]]
    replace_stored(files, good[360].key, b"overlap 360 with a bit rotted")
    first[200] = ("cd" * 32, "0" * 64)
    results = await asyncio.gather(files.verify(first), files.verify(second))
    assert results == [["cd" * 32], [good[360].key]]
