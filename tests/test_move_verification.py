"""A move on object storage proves its files from the store's listing, without reading them."""

from __future__ import annotations

from collections import Counter

import pytest

from models import Administration, Document, MigrationAdministration
from models.enums import MigrationStatus, MoveFailure
from overdracht.filestore import FileProblem, ListedFile
from overdracht.settings import MoveVerification
from tests.file_stores import remove_stored, replace_stored
from tests.scenarios import Scenario
from worker import listing_check
from worker.listing_check import check_range, key_range, ranges_to_list, store_range
from worker.mover import Mover

ARCHIVE = 1500

RECEIPT = """query($id: ID!) { migration(id: $id) { administrations { nodes {
    receipt { documentsMoved checksumsVerified verification }
} } } }"""


@pytest.fixture
def file_store_kind() -> str:
    """The listing carries an object store's ETags: these tests run on the bucket."""
    return "s3"


@pytest.fixture
def listing_settings(settings):
    return settings.with_overrides(move_verify=MoveVerification.LISTING)


async def _claimed(scenario: Scenario, administration: Administration) -> dict:
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []
    return migration


async def _document(administration: Administration, offset: int) -> Document:
    found = await Document.filter(administration_id=administration.pk).order_by("id").offset(offset)
    return found[0]


def _engine(settings, clock, files) -> Mover:
    return Mover(settings, clock, files, batch_size=100)


async def test_a_large_archive_moves_verified_from_the_listing(
    scenario: Scenario, listing_settings, clock, files
):
    big = scenario.ready[0]
    await scenario.factory.archive(big, ARCHIVE, uploaded_by=scenario.clerk)
    migration = await _claimed(scenario, big)
    archive = await Document.filter(administration_id=big.pk).count()
    assert archive >= ARCHIVE

    assert await _engine(listing_settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED
    ]

    item = await MigrationAdministration.get(administration_id=big.pk)
    assert (item.documents_done, item.documents_total) == (archive, archive)
    assert item.verification == MoveVerification.LISTING
    assert (await Administration.get(pk=big.pk)).environment_id == scenario.target.pk
    body = await scenario.graphql(RECEIPT, {"id": migration["id"]}, scenario.target_token)
    [row] = body["data"]["migration"]["administrations"]["nodes"]
    assert row["receipt"] == {
        "documentsMoved": archive,
        "checksumsVerified": True,
        "verification": "LISTING",
    }


@pytest.mark.parametrize(
    ("harm", "failure", "words"),
    [
        ("remove", MoveFailure.FILE_MISSING, "the store holds no such object"),
        ("resize", MoveFailure.FILE_DAMAGED, "the store holds 7 bytes"),
        ("same size", MoveFailure.FILE_DAMAGED, "the store's MD5 is"),
    ],
)
async def test_a_missing_or_changed_object_fails_the_move_naming_its_document(
    scenario: Scenario, listing_settings, clock, files, harm, failure, words
):
    big = scenario.ready[0]
    await scenario.factory.archive(big, 300, uploaded_by=scenario.clerk)
    await _claimed(scenario, big)
    victim = await _document(big, 211)
    linked = Document.filter(administration_id=big.pk, uploaded_by_id__not_isnull=True)
    assert await linked.count() == 300
    if harm == "remove":
        remove_stored(files, victim.storage_key)
    elif harm == "resize":
        replace_stored(files, victim.storage_key, b"shorter")
    else:
        replace_stored(files, victim.storage_key, bytes(victim.size))

    assert await _engine(listing_settings, clock, files).run_until_idle() == [
        MigrationStatus.FAILED
    ]

    item = await MigrationAdministration.get(administration_id=big.pk)
    assert item.failure == failure
    assert f'"{victim.file_name}" of document "{victim.title}"' in item.reason
    assert words in item.reason
    assert (await Administration.get(pk=big.pk)).environment_id == scenario.source.pk
    assert await linked.count() == 300, "the links to source users are kept: nothing moved"


async def test_a_file_without_a_recorded_md5_is_read_back(
    scenario: Scenario, listing_settings, clock, files
):
    """Rows stored before MD5s were recorded: the listing cannot prove them, a read does."""
    big = scenario.ready[0]
    await scenario.factory.archive(big, 50)
    await _claimed(scenario, big)
    victim = await _document(big, 7)
    await Document.filter(pk=victim.pk).update(md5=None)
    replace_stored(files, victim.storage_key, bytes(victim.size))  # same size: listing passes

    assert await _engine(listing_settings, clock, files).run_until_idle() == [
        MigrationStatus.FAILED
    ]
    item = await MigrationAdministration.get(administration_id=big.pk)
    assert item.failure == MoveFailure.FILE_DAMAGED
    assert f'"{victim.file_name}"' in item.reason and "read back" in item.reason


async def test_damage_the_scrubbing_job_recorded_fails_the_move(
    scenario: Scenario, listing_settings, clock, files
):
    """A listing cannot see bytes damaged at rest; the damage found by scrubbing is heeded."""
    big = scenario.ready[0]
    await scenario.factory.archive(big, 20)
    await _claimed(scenario, big)
    victim = await _document(big, 3)
    replace_stored(files, victim.storage_key, bytes(victim.size))
    await Document.filter(pk=victim.pk).update(
        damage=FileProblem.DAMAGED, damage_found_at=clock.now()
    )

    assert await _engine(listing_settings, clock, files).run_until_idle() == [
        MigrationStatus.FAILED
    ]
    item = await MigrationAdministration.get(administration_id=big.pk)
    assert item.failure == MoveFailure.FILE_DAMAGED
    assert "found by the file check" in item.reason and f'"{victim.file_name}"' in item.reason
    assert "restored from a backup, then retry" in item.reason


async def test_a_file_restored_since_the_file_check_lets_the_move_through(
    scenario: Scenario, listing_settings, clock, files
):
    """The way out of recorded damage: restore the file; the move looks again at once."""
    big = scenario.ready[0]
    await scenario.factory.archive(big, 20)
    await _claimed(scenario, big)
    victim = await _document(big, 5)
    await Document.filter(pk=victim.pk).update(
        damage=FileProblem.DAMAGED, damage_found_at=clock.now()
    )

    assert await _engine(listing_settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED
    ]
    assert (await Document.get(pk=victim.pk)).damage is None


async def test_a_small_archive_lists_only_its_own_second_level_ranges(scenario: Scenario, files):
    small, big = scenario.ready[0], scenario.ready[1]
    await scenario.factory.archive(big, 400)
    await scenario.factory.archive(small, 3)
    keys = [d.storage_key for d in await Document.filter(administration_id=small.pk)]

    chosen = await ranges_to_list(small.pk, 3)
    assert chosen == sorted({key[:4] for key in keys})
    assert [store_range(p) for p in chosen] == sorted(f"{k[:2]}/{k[2:4]}/" for k in set(keys))

    first_level = await ranges_to_list(big.pk, 400)
    assert all(len(prefix) == 2 for prefix in first_level)
    assert set(first_level) <= {format(n, "02x") for n in range(256)}


def test_a_hex_prefix_covers_exactly_its_keys():
    assert key_range("ab") == ("ab", "ac")
    assert key_range("af") == ("af", "b0")
    assert key_range("ff") == ("ff", None)
    assert key_range("12ff") == ("12ff", "1300")
    assert store_range("abcd") == "ab/cd/"


async def test_ranges_longer_than_a_page_are_walked_page_by_page(
    scenario: Scenario, listing_settings, clock, files, monkeypatch
):
    """Rows and listing side by side, a page of each: shared keys and a gap deep in a range."""
    big = scenario.ready[0]
    await scenario.factory.archive(big, 400)
    documents = await Document.filter(administration_id=big.pk)
    range_of, _ = Counter(d.storage_key[:2] for d in documents).most_common(1)[0]
    twin = next(d for d in documents if d.storage_key.startswith(range_of))
    copy = await Document.create(
        **{
            field: getattr(twin, field)
            for field in ("kind", "status", "title", "file_name", "content_type", "size")
        },
        administration_id=big.pk,
        sha256=twin.sha256,
        md5=twin.md5,
        storage_key=twin.storage_key,
        created_at=twin.created_at,
    )
    monkeypatch.setattr(listing_check, "ROWS_PER_PAGE", 2)
    archive = await Document.filter(administration_id=big.pk).count()
    checked = await check_range(files, big.pk, range_of)
    in_range = await Document.filter(
        administration_id=big.pk, storage_key__startswith=range_of
    ).count()
    assert (checked.documents, checked.findings) == (in_range, [])
    assert in_range >= 3, "more than one page: the fullest range, and the twin's copy"

    victim = (
        await Document.filter(administration_id=big.pk, storage_key__startswith=range_of)
        .exclude(storage_key=twin.storage_key)
        .order_by("-storage_key")
        .first()
    )
    remove_stored(files, victim.storage_key)
    checked = await check_range(files, big.pk, range_of)
    assert [(f.document_id, f.problem) for f in checked.findings] == [
        (victim.pk, FileProblem.MISSING)
    ]
    await Document.filter(pk=victim.pk).delete()
    await _claimed(scenario, big)
    assert await _engine(listing_settings, clock, files).run_until_idle() == [
        MigrationStatus.COMPLETED
    ]
    item = await MigrationAdministration.get(administration_id=big.pk)
    assert item.documents_done == archive - 1
    assert copy.storage_key == twin.storage_key


async def test_keys_out_of_byte_order_are_matched_from_memory_instead(files):
    """A collation that sorted hex digits otherwise would be noticed, never trusted."""

    async def pages():
        yield [ListedFile("b" * 64, 1, None), ListedFile("a" * 64, 1, None)]

    listing = listing_check._Listing(pages())
    assert await listing.find("0" * 64) is None
    with pytest.raises(listing_check.OutOfOrder):
        await listing.find("c" * 64)
