"""A database that goes away is answered, not crashed on, and a retried claim keeps its outcome.

The faults are real: the server's PostgreSQL connections are terminated with
pg_terminate_backend while claims and reads run over HTTP.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from tortoise.transactions import in_transaction

from models import Administration, Document, MigrationAdministration, OutboxMail
from models.enums import MigrationStatus
from models.terms import VERSION as TERMS_VERSION
from overdracht.db_faults import is_connection_lost, is_database_fault
from overdracht.filestore import DirectoryFileStore, StoreUnavailable
from overdracht.scratch_database import connected, database_name, server_url
from tests.documents import CLAIM
from tests.scenarios import Scenario, gid
from worker.mover import Mover

READ = """{ viewer { user { displayName } } receivableAdministrations(first: 5) { totalCount } }"""


def decoded(response) -> dict:
    """The JSON of an answer; anything else fails the test with what came instead."""
    assert response.headers["content-type"] == "application/json", (
        response.status_code,
        response.headers["content-type"],
        response.text[:300],
    )
    return response.json()


def claim_body(scenario: Scenario, migration: dict) -> dict[str, Any]:
    choices = [
        {
            "migrationAdministrationId": item,
            "connectionId": gid("AccountingConnection", scenario.target_exact),
            "administrationCode": None,
        }
        for item in scenario.items(migration)
    ]
    return {
        "query": CLAIM,
        "variables": {
            "input": {
                "transferCode": migration["transferCode"],
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
                "acceptCosts": True,
                "administrations": choices,
            }
        },
    }


async def post(scenario: Scenario, body: dict, key: str | None = None):
    headers = {"Authorization": f"Bearer {scenario.target_token}"}
    if key:
        headers["Idempotency-Key"] = key
    return await scenario.server.client.post("/graphql", json=body, headers=headers)


async def test_a_claim_sent_again_with_its_key_gets_its_first_outcome(scenario: Scenario):
    migration = await scenario.offer()
    body = claim_body(scenario, migration)
    key = str(uuid.uuid4())
    first = await post(scenario, body, key)
    assert first.status_code == 200
    assert first.json()["data"]["claimMigration"]["userErrors"] == []

    again = await post(scenario, body, key)
    assert again.status_code == 200
    assert again.json() == first.json(), "the first outcome, not ALREADY_RECEIVED"
    assert await OutboxMail.filter(kind="CLAIM").count() == 1, "and nothing done twice"

    without = await post(scenario, body)
    codes = [e["code"] for e in without.json()["data"]["claimMigration"]["userErrors"]]
    assert codes == ["ALREADY_RECEIVED"]


async def test_a_key_used_for_another_request_is_refused(scenario: Scenario):
    migration = await scenario.offer()
    key = "order-42"
    assert (await post(scenario, claim_body(scenario, migration), key)).status_code == 200
    other = claim_body(scenario, migration)
    other["variables"]["input"]["acceptCosts"] = False
    response = await post(scenario, other, key)
    assert response.status_code == 422
    assert response.json()["errors"][0]["extensions"]["code"] == "IDEMPOTENCY_KEY_REUSED"


async def test_a_key_that_is_too_long_is_bad_input(scenario: Scenario):
    migration = await scenario.offer()
    response = await post(scenario, claim_body(scenario, migration), "k" * 256)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert await MigrationAdministration.filter(status=MigrationStatus.QUEUED).count() == 0


async def test_keys_belong_to_their_user(scenario: Scenario):
    """Another user's key never answers for them: keys are kept per token."""
    first = await scenario.offer(administrations=[scenario.ready[0]])
    second = await scenario.offer(administrations=[scenario.ready[1]])
    other = await scenario.factory.user(scenario.target)
    other_token = await scenario.factory.token(other)
    key = "same-key"
    assert (await post(scenario, claim_body(scenario, first), key)).status_code == 200
    response = await scenario.server.client.post(
        "/graphql",
        json=claim_body(scenario, second),
        headers={"Authorization": f"Bearer {other_token}", "Idempotency-Key": key},
    )
    assert response.status_code == 200
    assert response.json()["data"]["claimMigration"]["userErrors"] == [], response.json()


@contextlib.asynccontextmanager
async def terminating_connections(database_url: str, every: float = 0.1):
    """Terminate every other connection to the test database, again and again, until the block
    ends; yields how many were terminated so far."""
    stop = asyncio.Event()
    terminated = 0
    async with connected(server_url(database_url)) as admin:

        async def loop() -> None:
            nonlocal terminated
            while not stop.is_set():
                terminated += await admin.fetchval(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = $1 AND pid <> pg_backend_pid()",
                    database_name(database_url),
                )
                await asyncio.sleep(every)

        task = asyncio.create_task(loop())
        try:
            yield lambda: terminated
        finally:
            stop.set()
            await task


# Each claim is sent this often while connections are being terminated; after that, with the
# database left alone, it must be answered within a few more tries.
TRIES_UNDER_FAULTS = 5
TRIES_AFTER = 5


@pytest.mark.postgres
async def test_terminated_connections_during_claims_give_only_json_answers_and_one_outcome(
    scenario: Scenario, settings
):
    """Bound by what happened, not by the machine's speed: the faults last until every claim
    was tried a few times under them (however long that takes), then each claim is answered."""
    offers = []
    for n in range(16):
        administration = await scenario.factory.administration(
            scenario.exact, name=f"Klant onder storing {n}", documents=1
        )
        offers.append(await scenario.offer(administrations=[administration]))
    answers: list[tuple[int, str, dict]] = []
    faults_over = asyncio.Event()
    tried_under_faults = [0] * len(offers)
    answered = [False] * len(offers)
    everyone_tried = asyncio.Event()

    def note() -> None:
        if all(
            done or tried >= TRIES_UNDER_FAULTS
            for done, tried in zip(answered, tried_under_faults, strict=True)
        ):
            everyone_tried.set()

    async def claim_until_answered(index: int, migration: dict) -> dict:
        key = str(uuid.uuid4())
        body = claim_body(scenario, migration)
        tries_after = 0
        while True:
            under_faults = not faults_over.is_set()
            response = await post(scenario, body, key)
            answers.append(
                (response.status_code, response.headers["content-type"], response.json())
            )
            if response.status_code == 200:
                answered[index] = True
                note()
                return response.json()
            if under_faults:
                tried_under_faults[index] += 1
                note()
            else:
                tries_after += 1
                if tries_after == TRIES_AFTER:
                    raise AssertionError(f"no answer in {TRIES_AFTER} tries after the faults")
            await asyncio.sleep(0.05)

    async def read_repeatedly() -> None:
        for _ in range(60):
            response = await scenario.server.client.post(
                "/graphql",
                json={"query": READ},
                headers={"Authorization": f"Bearer {scenario.target_token}"},
            )
            answers.append(
                (response.status_code, response.headers["content-type"], response.json())
            )

    async with terminating_connections(settings.database_url) as terminated:
        claiming = asyncio.gather(
            *(claim_until_answered(n, m) for n, m in enumerate(offers)),
            read_repeatedly(),
            read_repeatedly(),
        )
        tried = asyncio.ensure_future(everyone_tried.wait())
        await asyncio.wait({claiming, tried}, return_when=asyncio.FIRST_COMPLETED)
        tried.cancel()
        assert terminated() > 0
    faults_over.set()
    outcomes = await claiming
    claims = outcomes[: len(offers)]

    assert {content for _, content, _ in answers} == {"application/json"}
    assert {status for status, _, _ in answers} <= {200, 503}
    reads = [body for _, _, body in answers if "viewer" in (body.get("data") or {})]
    assert reads and all(b["data"]["viewer"]["user"]["displayName"] for b in reads)
    for status, _, body in answers:
        assert "data" in body or "errors" in body
        if status == 503:
            assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        for error in body.get("errors") or []:
            assert error["message"] != "Unexpected error.", body
    for outcome in claims:
        assert outcome["data"]["claimMigration"]["userErrors"] == [], outcome
    queued = await MigrationAdministration.filter(status=MigrationStatus.QUEUED).count()
    assert queued == len(offers), "each claim took effect exactly once"
    assert await OutboxMail.filter(kind="CLAIM").count() == len(offers)
    unavailable = sum(1 for status, _, _ in answers if status == 503)
    print(f"\n{len(answers)} answers, {unavailable} of them 503, {terminated()} connections ended")


@pytest.mark.postgres
async def test_transactions_whose_begin_fails_give_their_connections_back(db: str):
    """Terminated connections must not shrink the pool: afterwards as many transactions as
    the pool holds can be open at once, each waiting for the others."""
    size = Document._meta.db._pool.get_max_size()  # type: ignore[attr-defined]

    async def hold(together: asyncio.Barrier) -> None:
        async with in_transaction() as connection:
            await connection.execute_query("SELECT 1")
            await together.wait()

    everyone = asyncio.Barrier(size)
    await asyncio.wait_for(asyncio.gather(*(hold(everyone) for _ in range(size))), 10)
    failed = 0
    for _ in range(3 * size):
        _terminate_the_others_while_this_loop_waits(db)
        try:
            async with in_transaction() as connection:
                await connection.execute_query("SELECT 1")
        except Exception as error:
            assert is_database_fault(error), error
            failed += 1
    assert failed, "some BEGIN met a terminated connection"

    everyone = asyncio.Barrier(size)
    await asyncio.wait_for(asyncio.gather(*(hold(everyone) for _ in range(size))), 10)


def _terminate_the_others_while_this_loop_waits(db: str) -> None:
    """End every other session of the database and wait until they are gone, with the test's
    event loop blocked meanwhile: the pool's connections cannot read the news of their end
    before their next statement, so the next BEGIN meets a terminated connection every time."""

    async def terminate() -> None:
        async with connected(server_url(db)) as admin:
            await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()",
                database_name(db),
            )

    with concurrent.futures.ThreadPoolExecutor(1) as elsewhere:
        elsewhere.submit(asyncio.run, terminate()).result()


class PausingStore(DirectoryFileStore):
    """The real store, pausing before one of its checks until the test lets it go on."""

    def __init__(self, root: Path, pause_at: int) -> None:
        super().__init__(root)
        self.pause_at = pause_at
        self.checks = 0
        self.paused = asyncio.Event()
        self.go_on = asyncio.Event()

    async def verify(self, expected: Sequence[tuple[str, str]]) -> list[str]:
        self.checks += 1
        if self.checks == self.pause_at:
            self.paused.set()
            await self.go_on.wait()
        return await super().verify(expected)


async def terminate_every_connection(database_url: str) -> int:
    """End every session of the test database but this one, as a failover does."""
    async with connected(server_url(database_url)) as admin:
        ended: int = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = $1 AND pid <> pg_backend_pid()",
            database_name(database_url),
        )
        return ended


@pytest.mark.postgres
@pytest.mark.parametrize("pause_at", [1, 3])
async def test_a_move_whose_connections_are_terminated_is_handed_back_at_once(
    scenario: Scenario, settings, clock, files, caplog, pause_at: int
):
    """The lease is an hour and the clock stands still: only a move handed back is taken up
    again, so the second worker completing it proves nobody waited for the lease."""
    caplog.set_level(logging.WARNING, logger="overdracht.mover")
    lease = timedelta(hours=1)
    administration = scenario.ready[0]
    await scenario.factory.archive(administration, 100, uploaded_by=scenario.clerk)
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []

    store = PausingStore(files.root, pause_at)
    first = Mover(settings, clock, store, batch_size=20, lease=lease)
    [held] = await first.take()
    moving = asyncio.create_task(first.work(held))
    try:
        await asyncio.wait_for(store.paused.wait(), 120)
        assert await terminate_every_connection(settings.database_url) > 0
    finally:
        store.go_on.set()
    assert await moving is None, "handed back, neither failed nor completed"
    said = [record.getMessage() for record in caplog.records]
    assert any("interrupted by the database" in line for line in said), said
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.status == MigrationStatus.RUNNING and item.lease_until <= clock.now()
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.source.pk

    second = Mover(settings, clock, DirectoryFileStore(files.root), batch_size=20, lease=lease)
    assert await second.run_until_idle() == [MigrationStatus.COMPLETED]
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.target.pk


def test_a_lost_connection_is_told_from_a_file_store_outage():
    """The engine hands a move back for the first only; the second fails it with its reason."""
    closed = asyncpg.exceptions.InterfaceError("the underlying connection is closed")
    wrapped = RuntimeError("the rollback failed")
    wrapped.__cause__ = closed
    assert is_connection_lost(closed) and is_connection_lost(wrapped)
    outage = StoreUnavailable("the file store could not be reached for listing the files")
    assert not is_connection_lost(outage)
