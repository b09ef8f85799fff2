"""Moves that always end: a FIFO in the archive, a read that hangs, a worker told to stop.

On PostgreSQL, where the final transaction holds the archive's row locks while the files are
verified: whatever happens to a worker, its transaction ends and the next one does not wait.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from models import Administration, Document, MigrationAdministration
from models.enums import MigrationStatus, MoveFailure
from overdracht.clock import SystemClock
from overdracht.filestore import DirectoryFileStore
from overdracht.scratch_database import connected, database_name, server_url
from tests.documents import RETRY
from tests.scenarios import Scenario, wait_until
from tests.workers import start_worker
from worker.move import HeldMove
from worker.mover import Mover


def path_of(files: DirectoryFileStore, key: str) -> Path:
    return files.root / key[:2] / key[2:4] / key


async def idle_in_transaction(database_url: str) -> int:
    """Sessions of the test database that hold a transaction open and do nothing."""
    async with connected(server_url(database_url)) as admin:
        return await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = $1 AND state LIKE 'idle in transaction%'",
            database_name(database_url),
        )


async def claimed_archive(scenario: Scenario, size: int) -> tuple[Administration, dict]:
    administration = scenario.ready[0]
    await scenario.factory.archive(administration, size, uploaded_by=scenario.clerk)
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []
    return administration, migration


class HangingDisk(DirectoryFileStore):
    """The real store, except that reading one file blocks in its thread, as a dead network
    disk does; a FIFO no longer hangs (it is refused at once), so this is how a hung read is
    played. The read is released when the test ends."""

    def __init__(self, root: Path, hang_on: str, **kwargs: object) -> None:
        super().__init__(root, **kwargs)  # type: ignore[arg-type]
        self.hang_on = hang_on
        self.release = threading.Event()

    def _verify(self, expected: Sequence[tuple[str, str]]) -> list[str]:
        for index, (key, _) in enumerate(expected):
            if key == self.hang_on:
                bad = super()._verify(expected[:index])
                self._reading = (key, time.monotonic())
                self.release.wait(timeout=120)
                return bad + super()._verify(expected[index:])
        return super()._verify(expected)


@pytest.mark.postgres
async def test_a_fifo_in_the_archive_fails_the_move_at_once_and_after_repair_it_completes(
    scenario: Scenario, settings, clock, files
):
    administration, migration = await claimed_archive(scenario, 200)
    victim = (
        await Document.filter(administration_id=administration.pk).order_by("id").offset(90).first()
    )
    path = path_of(files, victim.storage_key)
    original = path.read_bytes()
    path.unlink()
    os.mkfifo(path)
    # A deadline far beyond the test: the FIFO must be refused when opened, not read until then.
    store = DirectoryFileStore(files.root, read_timeout=120)
    assert await Mover(settings, clock, store, batch_size=20).run_until_idle() == [
        MigrationStatus.FAILED
    ]
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.failure == MoveFailure.FILE_UNREADABLE
    assert victim.file_name in item.reason and victim.title in item.reason
    assert "within" not in item.reason, "refused at once, not when the deadline passed"
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.source.pk
    locks_held = await idle_in_transaction(settings.database_url)
    assert locks_held == 0, "the failed move let go of its locks"

    path.unlink()
    path.write_bytes(original)
    body = await scenario.graphql(
        RETRY,
        {"input": {"migrationAdministrationId": migration["administrations"]["nodes"][0]["id"]}},
        scenario.target_token,
    )
    assert body["data"]["retryMigration"]["userErrors"] == []
    # Locks still held would end the first attempt at lock_timeout (a lease) and hand it back.
    second = Mover(settings, clock, DirectoryFileStore(files.root), batch_size=20)
    assert await second.run_until_idle() == [MigrationStatus.COMPLETED], "no wait on locks"
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.target.pk


@pytest.mark.postgres
async def test_a_hung_read_fails_the_move_within_the_deadline_naming_the_document(
    scenario: Scenario, settings, clock, files
):
    administration, _ = await claimed_archive(scenario, 120)
    victim = (
        await Document.filter(administration_id=administration.pk).order_by("id").offset(50).first()
    )
    disk = HangingDisk(files.root, victim.storage_key, read_timeout=1.5)
    try:
        # Waiting for the read instead (it hangs for up to two minutes) would complete the move.
        result = await Mover(settings, clock, disk, batch_size=20).run_until_idle()
    finally:
        disk.release.set()
    assert result == [MigrationStatus.FAILED]
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.failure == MoveFailure.FILE_UNREADABLE
    assert f'"{victim.file_name}" of document "{victim.title}"' in item.reason
    assert "within 1.5 s" in item.reason
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.source.pk


@pytest.mark.postgres
async def test_a_worker_that_loses_its_lease_lets_go_and_the_takeover_does_not_wait(
    scenario: Scenario, settings, files
):
    """Worker 1 hangs on a read with a long deadline; its lease runs out; worker 2 takes over
    and completes, and worker 1's transaction is gone within the lease."""
    clock = SystemClock()
    lease = timedelta(seconds=2)
    administration, _ = await claimed_archive(scenario, 150)
    victim = (
        await Document.filter(administration_id=administration.pk).order_by("id").offset(70).first()
    )
    disk = HangingDisk(files.root, victim.storage_key, read_timeout=60)
    stuck = Mover(settings, clock, disk, batch_size=20, lease=lease)
    [held] = await stuck.take()
    assert held.attempt == 1
    first = asyncio.create_task(stuck.work(held))
    try:

        async def got_going() -> bool:
            item = await MigrationAdministration.get(administration_id=administration.pk)
            return item.status == MigrationStatus.RUNNING and item.documents_done >= 40

        await wait_until(got_going, "the first worker getting going", 120)
        takeover = Mover(
            settings, clock, DirectoryFileStore(files.root), batch_size=20, lease=lease
        )
        taken_over_moves: list[HeldMove] = []

        async def taken_over() -> bool:  # once the stuck worker's last lease has run out
            taken = await takeover.take()
            taken_over_moves.extend(taken)
            return bool(taken)

        await wait_until(taken_over, "the lease running out", 120)
        [held] = taken_over_moves
        assert held.attempt == 2
        # Locks the stuck worker still held would end this at lock_timeout (the lease), handed
        # back instead of completed.
        assert await takeover.work(held) == MigrationStatus.COMPLETED
        assert await asyncio.wait_for(first, 60) is None, "worker 1 abandoned its move"
    finally:
        disk.release.set()
        if not first.done():
            first.cancel()
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.target.pk
    assert await Document.filter(administration_id=administration.pk).count() == 150 + 3


@pytest.mark.postgres
async def test_sigterm_during_a_move_rolls_back_within_seconds_and_leaves_the_source(
    scenario: Scenario, settings
):
    administration, _ = await claimed_archive(scenario, 4000)
    linked_before = await Document.filter(
        administration_id=administration.pk, uploaded_by_id__not_isnull=True
    ).count()
    worker = start_worker(settings, OVERDRACHT_MOVE_BATCH_SIZE="10")

    async def moving() -> bool:
        item = await MigrationAdministration.get(administration_id=administration.pk)
        return item.status == MigrationStatus.RUNNING and item.documents_done > 0

    try:
        await wait_until(moving, "the worker starting the move")
        sent = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=120)
        took = time.monotonic() - sent
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0
    # It stopped mid-move (abandoned, not finished first), whatever the time that took here.
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.status == MigrationStatus.RUNNING and item.documents_done < item.documents_total
    assert item.lease_until <= SystemClock().now() + timedelta(seconds=1), "handed back"
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.source.pk
    linked_after = await Document.filter(
        administration_id=administration.pk, uploaded_by_id__not_isnull=True
    ).count()
    assert linked_after == linked_before == 4000, "the clearing of user links rolled back"
    assert await idle_in_transaction(settings.database_url) == 0
    print(f"\nSIGTERM to exit: {took:.2f} s at {item.documents_done}/{item.documents_total}")
