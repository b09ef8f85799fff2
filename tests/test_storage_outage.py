"""A file store that stops answering: downloads say so within the deadline, moves fail and retry.

SeaweedFS is frozen with SIGSTOP, as a hung store behaves: it accepts connections and never
answers. After SIGCONT the same download and the retried move succeed.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
import uuid

import pytest

from models import Administration, Document, MigrationAdministration
from models.enums import MigrationStatus, MoveFailure
from overdracht.filestore import StoreUnavailable
from overdracht.s3_store import S3FileStore
from overdracht.settings import MoveVerification
from tests.documents import RETRY
from tests.file_stores import BOUND_OF_A_DEADLINE, SeaweedFS
from tests.scenarios import Scenario, gid
from worker.mover import Mover

DEADLINE = 1.5


@pytest.fixture
def files(seaweedfs: SeaweedFS) -> S3FileStore:
    """The test's files in the bucket, with deadlines short enough to wait for."""
    return S3FileStore.from_settings(
        seaweedfs.settings(prefix=f"outage-{uuid.uuid4().hex[:12]}"),
        read_timeout=DEADLINE,
        write_timeout=DEADLINE,
    )


async def test_a_download_from_a_frozen_store_answers_503_within_the_deadline(
    scenario: Scenario, seaweedfs: SeaweedFS
):
    document = await Document.filter(administration_id=scenario.ready[0].pk).first()
    path = f"/documents/{document.pk}/file"
    headers = {"Authorization": f"Bearer {scenario.token}"}
    with seaweedfs.frozen():
        started = time.monotonic()
        response = await scenario.server.client.get(path, headers=headers)
        took = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "STORAGE_UNAVAILABLE"
    assert response.headers["retry-after"]
    assert took < BOUND_OF_A_DEADLINE, f"{took:.1f} s"

    again = await scenario.server.client.get(path, headers=headers)
    assert again.status_code == 200
    assert len(again.content) == document.size


async def test_a_move_while_the_store_is_frozen_fails_as_unavailable_and_the_retry_completes(
    scenario: Scenario, seaweedfs: SeaweedFS, settings, clock, files
):
    administration = scenario.ready[0]
    await scenario.factory.archive(administration, 40, uploaded_by=scenario.clerk)
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []
    engine = Mover(settings, clock, files, batch_size=10)

    with seaweedfs.frozen():
        started = time.monotonic()
        assert await engine.run_until_idle() == [MigrationStatus.FAILED]
        took = time.monotonic() - started
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.failure == MoveFailure.STORAGE_UNAVAILABLE
    assert "retry" in item.reason
    assert took < BOUND_OF_A_DEADLINE, f"{took:.1f} s"
    source = await Administration.get(pk=administration.pk)
    assert source.environment_id == scenario.source.pk
    assert await Document.filter(
        administration_id=administration.pk, uploaded_by_id__not_isnull=True
    ).exists(), "the user links are as they were"

    # The user retries once the store answers again. Thawed, it first works off what it was
    # sent while frozen, and a connection the client opened then may fail one more read.
    await answers_again(files, await Document.filter(administration_id=administration.pk).first())
    body = await scenario.graphql(
        RETRY,
        {"input": {"migrationAdministrationId": gid("MigrationAdministration", item)}},
        scenario.target_token,
    )
    assert body["data"]["retryMigration"]["userErrors"] == []
    assert await engine.run_until_idle() == [MigrationStatus.COMPLETED]
    moved = await Administration.get(pk=administration.pk)
    assert moved.environment_id == scenario.target.pk
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.checksums_verified and item.documents_done == 40 + 3


async def test_a_listing_check_while_the_store_is_frozen_fails_as_unavailable_and_loses_no_error(
    scenario: Scenario, seaweedfs: SeaweedFS, settings, clock, files, monkeypatch
):
    """Every range listed side by side fails at about the same moment: each failure is the
    move's, none left behind for asyncio to report as never retrieved."""
    lost: list[str] = []
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, context: lost.append(str(context.get("message")))
    )
    # The log keeps the failures it records, and with them every task they passed through:
    # unheard here, a task left behind is collected (and reported) within the test.
    for name in ("overdracht.mover", "overdracht.files"):
        monkeypatch.setattr(logging.getLogger(name), "propagate", False)
    listing = settings.with_overrides(move_verify=MoveVerification.LISTING)
    administration = scenario.ready[0]
    await scenario.factory.archive(administration, 40, uploaded_by=scenario.clerk)
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []

    with seaweedfs.frozen():
        assert await Mover(listing, clock, files).run_until_idle() == [MigrationStatus.FAILED]
    gc.collect()  # a task's unretrieved error is reported when the task is collected
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.failure == MoveFailure.STORAGE_UNAVAILABLE
    assert lost == []


async def answers_again(files: S3FileStore, document: Document | None) -> None:
    """Wait until the store reads a document whole again, by outcome (with a net of a minute)."""
    assert document is not None
    deadline = time.monotonic() + 60
    while True:
        try:
            assert await files.checksum(document.storage_key) == document.sha256
            return
        except StoreUnavailable:
            assert time.monotonic() < deadline, "the store never answered again"
            await asyncio.sleep(0.1)
