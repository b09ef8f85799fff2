"""Several machines in one test: two API processes and two workers, one PostgreSQL, one bucket.

Every process is a real `overdracht serve` or `overdracht worker` with a data directory of its
own, so they share nothing but the database and a SeaweedFS of this test's own (which it
freezes, kills and starts again without disturbing the session's). The offices speak GraphQL
over HTTP to both API processes in turn. `overdracht serve` runs the move engine and the mail
dispatcher itself unless told not to (OVERDRACHT_BACKGROUND_JOBS=false, as the production
layout in docs/operations/index.md says), so here only the two workers move.

1. A worker is killed with SIGKILL mid-move; after its lease the other worker (or the restarted
   one) takes the move over and completes it.
2. The store is frozen mid-move: that move fails as STORAGE_UNAVAILABLE, downloads through both
   API processes answer 503 with Retry-After within the deadline; the store is killed and
   started again on the same data, and the retry through the API completes.
3. Every administration is in its target; no document is lost or duplicated, and every file is
   in the bucket with its size and its MD5 as ETag.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import signal
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from models import Administration, Document, MigrationAdministration
from overdracht.s3_store import S3FileStore
from overdracht.settings import Settings
from tests.documents import RETRY
from tests.file_stores import (
    BOUND_OF_A_DEADLINE,
    SeaweedFS,
    freeze_seaweedfs,
    listed_files,
    private_seaweedfs,
    restart_seaweedfs,
)
from tests.live_server import LiveServer, free_port
from tests.scenarios import Scenario, gid, pk_of, wait_until
from tests.workers import start_service, start_worker

pytestmark = pytest.mark.postgres

ARCHIVE = 2000
"""Documents per administration: a move of one takes a second or two here."""
DEADLINE_SECONDS = 2
LEASE_SECONDS = 5
START_SECONDS = 60.0
PROCESS_SETTINGS = {
    "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS": str(DEADLINE_SECONDS),
    "OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS": str(DEADLINE_SECONDS),
    "OVERDRACHT_MOVE_LEASE_SECONDS": str(LEASE_SECONDS),
    "OVERDRACHT_MOVE_BATCH_SIZE": "50",
}

ITEM = """
query($id: ID!) {
  node(id: $id) {
    ... on MigrationAdministration {
      status failure reason progress { documentsDone documentsTotal }
    }
  }
}"""

FIRST_DOCUMENT = """
query($a: ID!) { documents(administrationId: $a, first: 1) { nodes { downloadPath } } }"""

ADMINISTRATIONS = "{ administrations(first: 100) { nodes { code name } } }"


@pytest.fixture
def seaweed(tmp_path: Path) -> Iterator[SeaweedFS]:
    """This test's own S3 server, its data kept in the test's directory across restarts."""
    with private_seaweedfs(tmp_path / "seaweedfs") as server:
        yield server


@pytest.fixture
def prefix() -> str:
    """Where in the bucket this test's files are."""
    return f"machines-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def files(seaweed: SeaweedFS, prefix: str) -> S3FileStore:
    """The bucket as the processes see it: the factories seed the archives into it."""
    return S3FileStore.from_settings(
        seaweed.settings(prefix=prefix),
        read_timeout=DEADLINE_SECONDS,
        write_timeout=DEADLINE_SECONDS,
    )


@dataclass
class Machine:
    """One process of the service, as if on a machine of its own: its own directory and log."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def tail(self) -> str:
        """The end of what the process wrote, for a failure message."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- {self.name} (exit {self.process.poll()}) ---\n{text[-2000:]}"


@dataclass
class Machines:
    """The processes of the test, all stopped when it ends, whatever happened."""

    settings: Settings
    directory: Path
    environment: dict[str, str]
    started: list[Machine] = field(default_factory=list)
    names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def _settings(self, name: str) -> tuple[Settings, Path]:
        """The shared database, a data directory nobody else uses, and a log."""
        home = self.directory / name
        home.mkdir(parents=True)
        return self.settings.with_overrides(data_dir=home / "data"), home / "output.log"

    def api(self) -> tuple[Machine, int]:
        """Start an API process that leaves the moving to the workers; it and its port."""
        name = f"api-{next(self.names)}"
        settings, log = self._settings(name)
        port = free_port()
        process = start_service(
            settings, port, log=log, OVERDRACHT_BACKGROUND_JOBS="false", **self.environment
        )
        machine = Machine(name, process, log)
        self.started.append(machine)
        return machine, port

    def worker(self) -> Machine:
        """Start a worker process: mail delivery and moves."""
        name = f"worker-{next(self.names)}"
        settings, log = self._settings(name)
        machine = Machine(name, start_worker(settings, log=log, **self.environment), log)
        self.started.append(machine)
        return machine

    def logs(self) -> str:
        """What every process wrote, for a failure message."""
        return "\n".join(machine.tail() for machine in self.started)

    def stop_all(self) -> None:
        """SIGTERM, then SIGKILL whatever does not stop within seconds."""
        for machine in self.started:
            if machine.process.poll() is None:
                machine.process.send_signal(signal.SIGTERM)
        for machine in self.started:
            try:
                machine.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                machine.process.kill()
                machine.process.wait(timeout=10)


@pytest.fixture
def machines(
    settings: Settings, tmp_path: Path, seaweed: SeaweedFS, prefix: str
) -> Iterator[Machines]:
    """Start processes on the test's database and bucket; all are stopped after the test."""
    every = Machines(settings, tmp_path, {**seaweed.environment(prefix), **PROCESS_SETTINGS})
    try:
        yield every
    finally:
        every.stop_all()


@contextlib.asynccontextmanager
async def client_of(machine: Machine, port: int) -> AsyncIterator[LiveServer]:
    """An HTTP client of an API process, once it answers that it is ready."""
    base_url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert machine.process.poll() is None, f"it exited at start\n{machine.tail()}"
            with contextlib.suppress(httpx.TransportError):
                ready = await client.get("/readyz")
                if ready.status_code == 200:
                    # Only the workers move: this process runs no background loops.
                    assert ready.json()["background"] == "not run in this process"
                    break
            assert time.monotonic() < deadline, f"not ready in time\n{machine.tail()}"
            await asyncio.sleep(0.1)
        yield LiveServer(base_url=base_url, client=client)


class Sides:
    """The scenario's offices as seen through each API process, taken in turn."""

    def __init__(self, scenario: Scenario, servers: list[LiveServer]) -> None:
        self.via = [replace(scenario, server=server) for server in servers]
        self._turns = itertools.cycle(self.via)

    def next(self) -> Scenario:
        """The offices through the next API process."""
        return next(self._turns)

    async def item(self, item_id: str) -> dict[str, Any]:
        """An offered administration as the target sees it, through the next API process."""
        side = self.next()
        body = await side.graphql(ITEM, {"id": item_id}, side.target_token)
        assert "errors" not in body, body
        return body["data"]["node"]

    async def wait_for(
        self, item_id: str, holds: Callable[[dict[str, Any]], bool], what: str, seconds: float
    ) -> dict[str, Any]:
        """Poll both API processes in turn until the administration is as wanted."""
        seen: dict[str, Any] = {}

        async def condition() -> bool:
            seen.update(await self.item(item_id))
            return holds(seen)

        await wait_until(condition, f"{what} (last seen: {seen})", seconds)
        return seen


def moving(state: dict[str, Any]) -> bool:
    """A move some worker is in the middle of."""
    progress = state["progress"]
    return state["status"] == "RUNNING" and 0 < progress["documentsDone"] < ARCHIVE


def ended(state: dict[str, Any]) -> bool:
    """A move that completed or failed."""
    return state["status"] in ("COMPLETED", "FAILED")


async def download(side: Scenario, path: str, token: str) -> tuple[httpx.Response, float]:
    """GET a document's file through an API process; the answer and how long it took."""
    started = time.monotonic()
    response = await side.server.client.get(path, headers={"Authorization": f"Bearer {token}"})
    return response, time.monotonic() - started


async def download_path(side: Scenario, administration: Administration, token: str) -> str:
    """Where the first document of an administration is downloaded, as the API says."""
    body = await side.graphql(FIRST_DOCUMENT, {"a": gid("Administration", administration)}, token)
    return body["data"]["documents"]["nodes"][0]["downloadPath"]


async def archive_of(administration: Administration) -> list[tuple[int, str, int]]:
    """Every document of an administration as (id, SHA-256, size), in ID order."""
    rows = await Document.filter(administration_id=administration.pk).order_by("id")
    return [(doc.pk, doc.sha256, doc.size) for doc in rows]


async def test_two_api_processes_and_two_workers_lose_nothing_to_a_killed_worker_or_store(
    scenario: Scenario, machines: Machines, seaweed: SeaweedFS, files: S3FileStore
):
    api_1, api_2 = machines.api(), machines.api()
    first_worker = machines.worker()
    kapsalon, garage, bloemen = [
        await scenario.factory.administration(scenario.exact, name=name)
        for name in ("Kapsalon Knip", "Garage Smit", "Bloemen Bos")
    ]
    for administration in (kapsalon, garage, bloemen):  # while the processes start
        await scenario.factory.archive(administration, ARCHIVE, uploaded_by=scenario.clerk)
    seeded = {adm.pk: await archive_of(adm) for adm in (kapsalon, garage, bloemen)}
    documents_before = await Document.all().count()
    # The scenario's offices, spoken to through the two API processes (never its own server).
    async with client_of(*api_1) as one, client_of(*api_2) as two:
        sides = Sides(scenario, [one, two])
        try:
            await _the_story(sides, machines, first_worker, seaweed, kapsalon, garage, bloemen)
            await _nothing_lost(sides, files, seeded, scenario)
            assert await Document.all().count() == documents_before, "none added, none lost"
        except BaseException:
            print(machines.logs())  # pytest shows it with the failure
            raise


async def _the_story(
    sides: Sides,
    machines: Machines,
    first_worker: Machine,
    seaweed: SeaweedFS,
    kapsalon: Administration,
    garage: Administration,
    bloemen: Administration,
) -> None:
    one, two = sides.via
    # 1. Offered through one API process, claimed through the other, while one worker runs:
    # the move it starts is the one its SIGKILL interrupts.
    offer = await one.offer(administrations=[kapsalon, bloemen])
    item_ids = Scenario.items(offer)
    claimed = await two.claim(offer["transferCode"], item_ids)
    assert claimed["userErrors"] == [], claimed
    running: list[str] = []

    async def one_running() -> bool:
        for item_id in item_ids:
            if (await sides.item(item_id))["status"] == "RUNNING":
                running.append(item_id)
                return True
        return False

    await wait_until(one_running, "the first worker starting a move", START_SECONDS)
    [victim] = running
    machines.worker()  # the second worker: it takes the other administration
    await sides.wait_for(victim, moving, "the first worker in the middle of its move", 30)
    first_worker.process.send_signal(signal.SIGKILL)
    first_worker.process.wait(timeout=10)
    killed_at = (await sides.item(victim))["progress"]["documentsDone"]
    assert 0 < killed_at < ARCHIVE, "killed mid-move"
    interrupted = await MigrationAdministration.get(pk=pk_of(victim))
    administration = await Administration.get(pk=interrupted.administration_id)
    assert administration.environment_id == one.source.pk, "the source is as it was"
    killed = time.monotonic()
    machines.worker()  # the first one, restarted as an operator would
    for item_id in item_ids:
        state = await sides.wait_for(item_id, ended, "the move ending", START_SECONDS)
        assert state["status"] == "COMPLETED", state
    attempts = {
        item_id: (await MigrationAdministration.get(pk=pk_of(item_id))).move_attempts
        for item_id in item_ids
    }
    assert attempts[victim] == 2, "taken over after the killed worker's lease"
    done = time.monotonic() - killed
    print(f"\nkilled at {killed_at}/{ARCHIVE} documents; both moves done {done:.1f} s later")

    # 2. The store stops answering in the middle of the next move.
    offer = await two.offer(administrations=[garage])
    [garage_item] = Scenario.items(offer)
    claimed = await one.claim(offer["transferCode"], [garage_item])
    assert claimed["userErrors"] == [], claimed
    in_source = await download_path(one, garage, one.token)
    in_target = await download_path(two, kapsalon, two.target_token)
    await sides.wait_for(garage_item, moving, "a worker in the middle of the move", 30)
    freeze_seaweedfs(seaweed)
    frozen = time.monotonic()
    answers = await asyncio.gather(
        download(one, in_source, one.token), download(two, in_target, two.target_token)
    )
    for response, took in answers:
        assert response.status_code == 503, response.text
        error = response.json()["error"]
        assert error["code"] == "STORAGE_UNAVAILABLE" and "try again" in error["message"]
        assert int(response.headers["retry-after"]) > 0
        assert took < BOUND_OF_A_DEADLINE, f"answered after {took:.1f} s"
    state = await sides.wait_for(garage_item, ended, "the move meeting the outage", 30)
    assert state["status"] == "FAILED" and state["failure"] == "STORAGE_UNAVAILABLE", state
    assert "retry" in state["reason"]
    took = ", ".join(f"{seconds:.1f} s" for _, seconds in answers)
    print(
        f"store frozen: downloads 503 in {took}, move failed {time.monotonic() - frozen:.1f} s in"
    )
    source = await Administration.get(pk=garage.pk)
    assert source.environment_id == one.source.pk, "the source is as it was"
    assert (
        await Document.filter(administration_id=garage.pk, uploaded_by_id=one.clerk.pk).count()
        == ARCHIVE
    )

    # The store comes back on the same data; downloads and the retry through the API work.
    await asyncio.to_thread(restart_seaweedfs, seaweed)
    for side, path, token in ((one, in_source, one.token), (two, in_target, two.target_token)):
        response, _ = await download(side, path, token)
        assert response.status_code == 200, response.text
        assert hashlib.sha256(response.content).hexdigest() == response.headers["x-content-sha256"]
    body = await two.graphql(
        RETRY, {"input": {"migrationAdministrationId": garage_item}}, two.target_token
    )
    assert body["data"]["retryMigration"]["userErrors"] == [], body
    state = await sides.wait_for(garage_item, ended, "the retried move ending", START_SECONDS)
    assert state["status"] == "COMPLETED", state


async def _nothing_lost(
    sides: Sides,
    files: S3FileStore,
    seeded: dict[int, list[tuple[int, str, int]]],
    scenario: Scenario,
) -> None:
    # 3. Every administration is in its target with every document, once; every file is in the
    # bucket as recorded; both API processes still answer.
    for pk, documents in seeded.items():
        administration = await Administration.get(pk=pk)
        assert administration.environment_id == scenario.target.pk
        assert await archive_of(administration) == documents
        assert not await Document.filter(
            administration_id=pk, uploaded_by_id__not_isnull=True
        ).exists(), "no link to a source user"
    moved = [doc for pk in seeded for doc in await Document.filter(administration_id=pk)]
    assert len(moved) == len({doc.pk for doc in moved}) == len(seeded) * ARCHIVE
    listed = await listed_files(files)
    for doc in moved:
        entry = listed.get(doc.storage_key)
        assert entry is not None, f"document {doc.pk} has no file in the bucket"
        assert (entry.size, entry.etag) == (doc.size, doc.md5), doc.pk
    names = {adm.name for adm in await Administration.filter(pk__in=list(seeded))}
    for side in sides.via:
        assert (await side.server.client.get("/readyz")).status_code == 200
        target = await side.graphql(ADMINISTRATIONS, None, side.target_token)
        assert names <= {node["name"] for node in target["data"]["administrations"]["nodes"]}
        source = await side.graphql(ADMINISTRATIONS, None, side.token)
        assert not names & {node["name"] for node in source["data"]["administrations"]["nodes"]}
