"""A whole-practice takeover on PostgreSQL: each step timed, its statements counted at several
sizes, and another office's single move starting while the takeover runs.

Run from the project root (PostgreSQL must answer; see --admin-url):

    .venv/bin/python -m benchmarks.takeover                                # 500 x 200 documents
    .venv/bin/python -m benchmarks.takeover --administrations 500 --documents 20

It builds a source office, a PREMIUM receiving office and, per size (--sizes, 5, 50 and 500 by
default; the largest is the takeover), a connection holding that many administrations of
--documents documents each (files in a directory store). Each size goes through the real API
over HTTP on loopback (offerChecklist page by page, offerMigration, transferCodePreview page by
page, claimMigration of all in one request with one connection) and a worker's take; the SQL
statements of each step are counted from Tortoise's query log. Met when each step costs as many
statements at every size (a paged step: each page). The takeover's moves are then carried out by
--workers Movers in this process, and once they run, another office queues a single move: its
wait until a worker starts it is printed beside the same move's wait on an idle machine, the
reference measured in the same run. Met when it starts before the takeover's backlog is done.

A scratch database is created and dropped after; --keep leaves it (overdracht_bench_takeover)
and the files in place for a look afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from api.app import create_app
from models import (
    AccountingConnection,
    Administration,
    ApiToken,
    Document,
    Environment,
    MigrationAdministration,
    User,
    add_administration,
    lifecycle,
)
from models.enums import (
    AccountingPackage,
    DocumentKind,
    DocumentStatus,
    MailLanguage,
    MigrationStatus,
    Plan,
    Role,
    TokenScope,
)
from models.lifecycle import Change, Reception
from models.offering import write_offer
from models.terms import VERSION
from overdracht.clock import SystemClock
from overdracht.db import close_database
from overdracht.filestore import FileStore
from overdracht.scratch_database import (
    LOCAL_SERVER,
    fresh_database,
    open_migrated,
    throwaway_database,
)
from overdracht.settings import Settings
from overdracht.storage import open_local_file_store
from worker.mover import Mover

ADMIN_URL = os.environ.get("OVERDRACHT_BENCH_POSTGRES_URL", LOCAL_SERVER)
KEPT_DATABASE = "overdracht_bench_takeover"
PAGE = 100  # the preview's and the checklist's page, the API's largest
UPLOADS_IN_FLIGHT = 16
POLL = 0.01  # seconds between looks at the single move's status

CHECKLIST = """
query($c: ID!, $after: String) {
  offerChecklist(connectionId: $c, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id canBeOffered administration { id } }
  }
}"""

OFFER = """
mutation($input: OfferMigrationInput!) {
  offerMigration(input: $input) {
    migration { id transferCode statusCounts { offered total } }
    userErrors { code field message }
  }
}"""

PREVIEW = """
query($code: String!, $after: String) {
  transferCodePreview(transferCode: $code) {
    preview { administrations(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { canReceive documentCount administration { id } }
    } }
    userErrors { code message }
  }
}"""

CLAIM = """
mutation($input: ClaimMigrationInput!) {
  claimMigration(input: $input) {
    migration { statusCounts { queued total } }
    userErrors { code field message }
  }
}"""


class StatementCounter(logging.Handler):
    """Counts the SQL statements Tortoise sends while attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().lstrip().upper()
        if message.startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            self.count += 1

    def take(self) -> int:
        """The statements since the last look."""
        n, self.count = self.count, 0
        return n


@contextlib.contextmanager
def counting() -> Iterator[StatementCounter]:
    logger = logging.getLogger("tortoise.db_client")
    counter = StatementCounter()
    old = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(old)


@dataclass
class Step:
    """One step at one size: its statements (per request when paged) and its time."""

    statements: list[int] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class World:
    settings: Settings
    files: FileStore
    client: httpx.AsyncClient
    source_token: str
    target: Environment
    target_token: str
    target_email: str


async def graphql(client: httpx.AsyncClient, query: str, variables: dict, token: str) -> dict:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    body: dict[str, Any] = response.json()
    if "errors" in body:
        raise SystemExit(f"the API answered errors: {body['errors']}")
    return body["data"]


def gid(type_name: str, pk: int) -> str:
    from api.ids import encode_global_id

    return encode_global_id(type_name, pk)


async def practice(
    world: World, environment: Environment, size: int, documents: int, tag: str
) -> AccountingConnection:
    """A connection of `size` administrations of `documents` small documents each."""
    clock = SystemClock()
    connection = await AccountingConnection.create(
        environment=environment,
        package=AccountingPackage.EXACT_ONLINE,
        name=f"Exact {tag}",
        created_at=clock.now(),
    )
    for i in range(size):
        administration = await add_administration(
            connection,
            code=f"{tag}{i:05d}",
            name=f"Praktijk {tag} {i:05d}",
            domain=world.settings.inbound_mail_domain,
            now=clock.now(),
        )
        stored = []
        for start in range(0, documents, UPLOADS_IN_FLIGHT):
            stored += await asyncio.gather(
                *(
                    world.files.put(f"%PDF-1.4 {administration.pk} {j}".encode())
                    for j in range(start, min(start + UPLOADS_IN_FLIGHT, documents))
                )
            )
        await Document.bulk_create(
            [
                Document(
                    administration_id=administration.pk,
                    kind=DocumentKind.PURCHASE_INVOICE,
                    status=DocumentStatus.BOOKED,
                    title=f"Doc {j}",
                    file_name=f"doc-{j}.pdf",
                    content_type="application/pdf",
                    size=s.size,
                    sha256=s.sha256,
                    md5=s.md5,
                    storage_key=s.key,
                    created_at=clock.now(),
                )
                for j, s in enumerate(stored)
            ],
            batch_size=500,
        )
    return connection


async def paged(
    counter: StatementCounter, step: Step, ask: Any, page_of: Any
) -> list[dict[str, Any]]:
    """Every page of a connection, each page's statements counted."""
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        counter.take()
        started = time.perf_counter()
        data = await ask(after)
        step.seconds += time.perf_counter() - started
        step.statements.append(counter.take())
        page = page_of(data)
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


async def timed(counter: StatementCounter, step: Step, work: Any) -> Any:
    counter.take()
    started = time.perf_counter()
    result = await work
    step.seconds += time.perf_counter() - started
    step.statements.append(counter.take())
    return result


async def takeover_steps(
    world: World, counter: StatementCounter, connection: AccountingConnection, mover: Mover
) -> dict[str, Step]:
    """Checklist, offer, preview, claim and a worker's take of one size: counted and timed."""
    steps = {name: Step() for name in ("checklist", "offer", "preview", "claim", "take")}
    c = gid("AccountingConnection", connection.pk)
    rows = await paged(
        counter,
        steps["checklist"],
        lambda after: graphql(
            world.client, CHECKLIST, {"c": c, "after": after}, world.source_token
        ),
        lambda data: data["offerChecklist"],
    )
    assert all(row["canBeOffered"] for row in rows), "an administration cannot be offered"
    offer_input = {
        "administrationIds": [row["administration"]["id"] for row in rows],
        "recipients": [world.target_email],
        "acknowledgeUsersDoNotMove": True,
        "acceptTerms": True,
        "termsVersion": VERSION,
    }
    offered = await timed(
        counter,
        steps["offer"],
        graphql(world.client, OFFER, {"input": offer_input}, world.source_token),
    )
    payload = offered["offerMigration"]
    assert payload["userErrors"] == [], payload["userErrors"]
    code = payload["migration"]["transferCode"]
    items = await paged(
        counter,
        steps["preview"],
        lambda after: graphql(
            world.client, PREVIEW, {"code": code, "after": after}, world.target_token
        ),
        lambda data: data["transferCodePreview"]["preview"]["administrations"],
    )
    receiving = await AccountingConnection.create(
        environment=world.target,
        package=AccountingPackage.EXACT_ONLINE,
        name=f"Ontvangen {connection.pk}",
        created_at=SystemClock().now(),
    )
    claim_input = {
        "transferCode": code,
        "acceptTerms": True,
        "termsVersion": VERSION,
        "acceptCosts": True,
        "administrations": [
            {
                "migrationAdministrationId": item["administration"]["id"],
                "connectionId": gid("AccountingConnection", receiving.pk),
            }
            for item in items
        ],
    }
    claimed = await timed(
        counter,
        steps["claim"],
        graphql(world.client, CLAIM, {"input": claim_input}, world.target_token),
    )
    assert claimed["claimMigration"]["userErrors"] == [], claimed["claimMigration"]["userErrors"]
    held = await timed(counter, steps["take"], mover.take())
    assert len(held) == 1
    await mover.work(held[0])
    return steps


async def single_move(world: World, tag: str, number: int) -> int:
    """Another office receiving one administration of one document: its move, QUEUED now."""
    clock = SystemClock()
    source = await Environment.create(
        office_code=f"K{20000 + number}",
        name=f"Elders {tag}",
        plan=Plan.STANDARD,
        created_at=clock.now(),
    )
    office = await Environment.create(
        office_code=f"K{20001 + number}",
        name=f"Ander {tag}",
        plan=Plan.PREMIUM,
        created_at=clock.now(),
    )
    requester = await user(source, f"a@{tag}.example")
    receiver = await user(office, f"b@{tag}.example")
    connection = await practice(world, source, 1, 1, tag)
    administration = await Administration.get(connection_id=connection.pk).select_related(
        "connection"
    )
    receiving = await AccountingConnection.create(
        environment=office,
        package=AccountingPackage.EXACT_ONLINE,
        name="Exact",
        created_at=clock.now(),
    )
    migration, [item] = await write_offer(
        requester,
        [administration],
        [receiver.email],
        target=office,
        language=MailLanguage.NL,
        terms_version=VERSION,
        now=clock.now(),
        validity=world.settings.offer_validity,
    )
    change = Change(world.settings, clock.now(), actor=receiver, actor_environment_id=office.pk)
    lost = await lifecycle.claim_all(
        change, migration, [Reception(item, receiving, f"{tag}1", VERSION)]
    )
    assert lost is None
    return item.pk


async def wait_for_start(item_id: int) -> float:
    """Seconds from now until a worker has started the move."""
    started = time.perf_counter()
    while await MigrationAdministration.filter(id=item_id, status=MigrationStatus.QUEUED).exists():
        await asyncio.sleep(POLL)
    return time.perf_counter() - started


async def user(environment: Environment, email: str) -> User:
    return await User.create(
        environment=environment,
        email=email,
        display_name=email.split("@")[0],
        role=Role.SUPERUSER,
        created_at=SystemClock().now(),
    )


@contextlib.asynccontextmanager
async def serving(settings: Settings, files: FileStore) -> AsyncIterator[httpx.AsyncClient]:
    """The real app on a loopback port in this process, so its statements are counted here."""
    app = create_app(settings, clock=SystemClock(), files=files, manage_database=False)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
        yield client
    server.should_exit = True
    await task


@contextlib.asynccontextmanager
async def running_movers(world: World, workers: int) -> AsyncIterator[None]:
    stop = asyncio.Event()
    movers = [Mover(world.settings, SystemClock(), world.files) for _ in range(workers)]
    for mover in movers:
        mover.idle_pause = POLL
    tasks = [asyncio.create_task(mover.run_forever(stop)) for mover in movers]
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(*tasks)


async def documents_per_administration(environment_id: int | None = None) -> Counter[int]:
    query = Document.all()
    if environment_id is not None:
        query = query.filter(administration__environment_id=environment_id)
    return Counter(await query.values_list("administration_id", flat=True))


async def run(url: str, data_dir: Path, args: argparse.Namespace) -> bool:
    await open_migrated(url)
    settings = Settings(database_url=url, data_dir=data_dir, background_jobs=False).with_overrides(
        max_administrations_per_offer=1000
    )
    files = open_local_file_store(settings)
    clock = SystemClock()
    source = await Environment.create(
        office_code="K10001", name="Van Dijk", plan=Plan.STANDARD, created_at=clock.now()
    )
    target = await Environment.create(
        office_code="K10002", name="Bosman", plan=Plan.PREMIUM, created_at=clock.now()
    )
    source_user = await user(source, "anna@vandijk.example")
    target_user = await user(target, "eva@bosman.example")
    _, source_token = await ApiToken.issue(source_user, now=clock.now(), scope=TokenScope.FULL)
    _, target_token = await ApiToken.issue(target_user, now=clock.now(), scope=TokenScope.FULL)

    sizes = sorted(set(args.sizes))
    results: dict[int, dict[str, Step]] = {}
    async with serving(settings, files) as client:
        world = World(
            settings, files, client, source_token, target, target_token, target_user.email
        )
        # The reference: another office's single move on an idle machine.
        async with running_movers(world, args.workers):
            idle_wait = await wait_for_start(await single_move(world, "IDLE", 1))
            while await MigrationAdministration.exclude(
                status__in=[MigrationStatus.COMPLETED, MigrationStatus.FAILED]
            ).exists():
                await asyncio.sleep(POLL)
        print(f"built the offices; a single move on an idle machine starts after {idle_wait:.3f} s")

        connections = {}
        for size in sizes:
            started = time.perf_counter()
            connections[size] = await practice(world, source, size, args.documents, f"P{size}")
            print(
                f"built {size} administrations x {args.documents} documents "
                f"in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
        before = await documents_per_administration(source.pk)

        mover = Mover(settings, clock, files)
        with counting() as counter:
            for size in sizes:
                results[size] = await takeover_steps(world, counter, connections[size], mover)
                if size != sizes[-1]:  # a smaller size's moves go first, out of the timing
                    await mover.run_until_idle()

        # The takeover's backlog, moved while another office's single move comes in.
        started = time.perf_counter()
        async with running_movers(world, args.workers):
            while not await MigrationAdministration.filter(status=MigrationStatus.RUNNING).exists():
                await asyncio.sleep(POLL)
            other = await single_move(world, "BUSY", 3)
            busy_wait = await wait_for_start(other)
            backlog = await MigrationAdministration.filter(
                target_environment_id=target.pk, status=MigrationStatus.QUEUED
            ).count()
            while await MigrationAdministration.filter(
                target_environment_id=target.pk,
                status__in=[MigrationStatus.QUEUED, MigrationStatus.RUNNING],
            ).exists():
                await asyncio.sleep(0.1)
        move_seconds = time.perf_counter() - started

    statuses = Counter(
        await MigrationAdministration.filter(target_environment_id=target.pk).values_list(
            "status", flat=True
        )
    )
    after = await documents_per_administration(target.pk)
    whole = statuses == {MigrationStatus.COMPLETED: sum(sizes)} and after == before
    return report(args, results, idle_wait, busy_wait, backlog, move_seconds, statuses, whole)


def report(
    args: argparse.Namespace,
    results: dict[int, dict[str, Step]],
    idle_wait: float,
    busy_wait: float,
    backlog: int,
    move_seconds: float,
    statuses: Counter[str],
    whole: bool,
) -> bool:
    sizes = sorted(results)
    largest = sizes[-1]
    print()
    print(f"Takeover of {largest} administrations x {args.documents} documents, PostgreSQL")
    print(f"{'step':<28}{'time (s)':>10}  statements per request at " + ", ".join(map(str, sizes)))
    constant = True
    for name, label in (
        ("checklist", "offerChecklist (all pages)"),
        ("offer", "offerMigration"),
        ("preview", "transferCodePreview (pages)"),
        ("claim", "claimMigration (all at once)"),
        ("take", "a worker's take"),
    ):
        per_size = [sorted(set(results[size][name].statements)) for size in sizes]
        # Paged steps: every page of every size costs at most what the first page of the
        # smallest size costs.
        same = all(max(counts) == max(per_size[0]) for counts in per_size)
        constant &= same
        shown = "  ".join("/".join(map(str, counts)) for counts in per_size)
        seconds = results[largest][name].seconds
        print(f"{label:<28}{seconds:>10.2f}  {shown}  {'constant' if same else 'GROWS'}")
    documents = largest * args.documents
    print(
        f"{'moves (' + str(args.workers) + ' workers)':<28}{move_seconds:>10.2f}  "
        f"{documents / move_seconds:,.0f} documents/s"
    )
    print()
    print(f"statements constant whatever the size: {'met' if constant else 'NOT met'}")
    print(
        f"another office's single move started after {busy_wait:.3f} s during the takeover "
        f"(on an idle machine {idle_wait:.3f} s), with {backlog} of the takeover's moves still "
        f"queued: {'met' if backlog > 0 else 'NOT met'}"
    )
    print(
        "every move COMPLETED, documents per administration unchanged: "
        + ("met" if whole else "NOT met")
    )
    if not whole:
        print(f"  statuses: {dict(statuses)}")
    return constant and backlog > 0 and whole


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--administrations", type=int, default=500, help="the takeover's size")
    parser.add_argument("--documents", type=int, default=200, help="documents per administration")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(s) for s in text.split(",")],
        default=[5, 50],
        help="smaller sizes whose statements are compared with the takeover's (default 5,50)",
    )
    parser.add_argument("--workers", type=int, default=3, help="Movers (the share is 2)")
    parser.add_argument("--keep", action="store_true", help=f"leave {KEPT_DATABASE} and files")
    parser.add_argument("--admin-url", default=ADMIN_URL, help="the PostgreSQL server")
    args = parser.parse_args(argv)
    args.sizes = sorted({*args.sizes, args.administrations})
    return args


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="overdracht-takeover-"))
    try:
        if args.keep:
            url = await fresh_database(args.admin_url, KEPT_DATABASE)
            ok = await run(url, data_dir, args)
            print(f"kept the database {KEPT_DATABASE} and the files in {data_dir}")
        else:
            async with throwaway_database(args.admin_url, "overdracht_bench") as url:
                try:
                    ok = await run(url, data_dir, args)
                finally:
                    await close_database()
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
