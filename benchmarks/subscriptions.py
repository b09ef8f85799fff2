"""Live progress for thousands of subscribers over two API processes: idling, news, CPU, memory.

Run from the project root:

    .venv/bin/python -m benchmarks.subscriptions [--subscribers 5000] [--poll-subscribers 500]

It makes a throwaway PostgreSQL database with offers whose moves are running (each from an office
of its own to an office of its own, every office with two superusers and a partner's read-only
token), serves the real app with uvicorn in two processes of its own, and opens the WebSocket
subscribers from client processes of their own (so the client does not take the servers' CPU
in the same process): half of them on `migrationProgress` (each watching one move), half on
`overviewChanges` (each the screen of one office), spread over both servers and over the
offices' tokens. Every subscriber gets one message per round. It measures, once with
OVERDRACHT_PROGRESS_UPDATES=notify and once with =poll as the reference (with fewer subscribers:
polling thousands is more than this machine's database answers), in the same run:

- the database's transactions per second (pg_stat_database.xact_commit: every statement outside
  a transaction block is one) while nothing changes, without subscribers and with them;
- the memory of the API processes per idle subscriber (their resident memory with the
  subscribers open, less before them, over the subscribers);
- the delay from a progress change committed in the database to each subscriber receiving it
  (p50, p99, max), over rounds in which every running move advances once: all in the same
  instant by default (one statement, `--spread 0`), or spread over `--spread` seconds;
- the database's transactions per change and the servers' CPU per message sent.

The servers run no background loops, so the database's own baseline is what they would cost
without any subscriber. The first round is not measured: it proves every subscription is up.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, cast

import asyncpg
import orjson
import uvloop
from websockets.client import ClientProtocol
from websockets.frames import Frame, Opcode
from websockets.http11 import Response
from websockets.typing import Subprotocol
from websockets.uri import parse_uri

from api.ids import encode_global_id
from benchmarks.offered_overview import _free_port, _process_cpu_seconds, wait_until_up
from models import (
    AccountingConnection,
    ApiToken,
    Environment,
    Migration,
    MigrationAdministration,
    User,
    add_administration,
)
from models.enums import AccountingPackage, MigrationStatus, Plan, Role, TokenScope
from overdracht.db import close_database
from overdracht.scratch_database import (
    LOCAL_SERVER,
    asyncpg_dsn,
    database_name,
    open_migrated,
    server_url,
    throwaway_database,
)
from tests.subscriptions import SUBSCRIBE as PROGRESS_QUERY

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET_P99_SECONDS = 1.0
TARGET_CPU_MS_PER_MESSAGE = 0.2
DOCUMENTS = 1_000_000  # each move's documents_total: progress never runs out
READ_ONLY_SHARE = 0.2  # of the subscribers, those on a partner's read-only token
WAIT_SECONDS = 30.0  # a message not received by then is counted as missed

OVERVIEW_QUERY = """
subscription {
  overviewChanges {
    id administrationName status expiresAt inboundMailAddress
    progress { documentsDone documentsTotal documentsPerSecond }
  }
}"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=5000, help="with notify")
    parser.add_argument(
        "--poll-subscribers", type=int, default=500, help="the reference with poll (0: none)"
    )
    parser.add_argument("--offers", type=int, default=50, help="running moves watched")
    parser.add_argument("--rounds", type=int, default=10, help="measured changes per move")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between rounds")
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="seconds over which one round's changes are committed (0: one statement)",
    )
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument("--idle-seconds", type=float, default=20.0, help="each idle window")
    parser.add_argument(
        "--settle-seconds",
        type=float,
        default=11.0,
        help="wait before an idle window: PostgreSQL publishes an idle backend's counts late",
    )
    parser.add_argument("--server", default=LOCAL_SERVER, help="PostgreSQL server URL")
    parser.add_argument(
        "--deflate",
        action="store_true",
        help="agree to permessage-deflate, as OVERDRACHT_WEBSOCKET_COMPRESSION=true does "
        "(off by default, as in `overdracht serve`)",
    )
    return parser.parse_args(argv)


# -- the data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """The running moves subscribers watch, and the offices' tokens that may watch them."""

    migrations: list[str]  # global IDs, one per move
    items: list[int]  # the one item of each
    rows: dict[str, int]  # a row's global ID (overviewChanges) -> its move
    # Per office (source of move i is office 2i, its target 2i+1): full tokens, read-only ones.
    tokens: list[tuple[list[str], list[str]]]


async def _office(n: int, plan: Plan, now: datetime) -> tuple[Environment, list[User], list[str]]:
    """An office with two superusers, their full tokens and a partner's read-only token."""
    office = await Environment.create(
        office_code=f"K{10000 + n}", name=f"Kantoor {n}", plan=plan, created_at=now
    )
    users, full = [], []
    for k in range(2):
        user = await User.create(
            environment=office,
            email=f"su{k}@kantoor{n}.example",
            display_name=f"Super {k}",
            role=Role.SUPERUSER,
            created_at=now,
        )
        users.append(user)
        full.append((await ApiToken.issue(user, now=now))[1])
    _, read_only = await ApiToken.issue(users[0], now=now, scope=TokenScope.READ_ONLY)
    return office, users, [*full, read_only]


async def seed(offers: int) -> World:
    """Offers each from an office of its own to another, each with one running move."""
    now = datetime.now(UTC)
    long_ago = now - timedelta(days=1)  # no row is "recent": a new subscriber gets none at once
    migrations, items, rows, tokens = [], [], {}, []
    for n in range(offers):
        source, _, source_tokens = await _office(2 * n, Plan.STANDARD, now)
        target, watchers, target_tokens = await _office(2 * n + 1, Plan.PREMIUM, now)
        tokens += [(source_tokens[:2], source_tokens[2:]), (target_tokens[:2], target_tokens[2:])]
        connection = await AccountingConnection.create(
            environment=source, package=AccountingPackage.EXACT_ONLINE, name="Exact", created_at=now
        )
        administration = await add_administration(
            connection, code=f"{1000 + n}", name=f"Klant {n}", domain="in.example", now=now
        )
        recipients = [watcher.email for watcher in watchers]
        migration = await Migration.create(
            source_environment=source,
            target_environment=target,
            requester_name="Anna",
            requester_email=f"anna@kantoor{2 * n}.example",
            package=AccountingPackage.EXACT_ONLINE,
            transfer_code=f"BENCH{n:06d}",
            recipients=recipients,
            offered_at=long_ago,
            expires_at=now + timedelta(days=15),
            terms_accepted_at=long_ago,
        )
        item = await MigrationAdministration.create(
            migration=migration,
            administration=administration,
            open_administration_id=administration.pk,
            source_environment=source,
            administration_code=administration.code,
            administration_name=administration.name,
            inbound_mail_address=administration.inbound_mail_address,
            recipients_text=",".join(recipients),
            status=MigrationStatus.RUNNING,
            offered_at=long_ago,
            expires_at=now + timedelta(days=15),
            status_changed_at=long_ago,
            target_environment=target,
            documents_total=DOCUMENTS,
            lease_until=now + timedelta(days=1),
            started_at=long_ago,
        )
        migrations.append(encode_global_id("Migration", migration.pk))
        items.append(item.pk)
        rows[encode_global_id("MigrationAdministration", item.pk)] = n
    return World(migrations=migrations, items=items, rows=rows, tokens=tokens)


@dataclass(frozen=True)
class Spec:
    """One subscriber to open: where, with which token, on what."""

    n: int
    url: str
    token: str
    move: int  # the move whose progress it gets once a round
    migration: str | None  # migrationProgress of this offer; None: overviewChanges


def specs(world: World, urls: list[str], count: int) -> list[Spec]:
    """Half on each subscription, spread over the servers, the moves, offices and tokens."""
    rng = random.Random(25)
    offers = len(world.migrations)
    out = []
    for n in range(count):
        half, progress = divmod(n, 2)
        url = urls[half % len(urls)]
        if progress == 0:
            move = half % offers
            office = 2 * move + (half // offers) % 2  # its source and its target by turns
        else:
            office = half % len(world.tokens)
            move = office // 2
        full, read_only = world.tokens[office]
        token = rng.choice(read_only if rng.random() < READ_ONLY_SHARE else full)
        migration = world.migrations[move] if progress == 0 else None
        out.append(Spec(n, url, token, move, migration))
    return out


# -- the servers -------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(
    database_url: str, updates: str, data_dir: str, deflate: bool = False
) -> Iterator[tuple[str, int]]:
    """The real app under uvicorn in its own process, on a free loopback port."""
    port = _free_port()
    env = {
        **os.environ,
        "OVERDRACHT_DATABASE_URL": database_url,
        "OVERDRACHT_BACKGROUND_JOBS": "false",
        "OVERDRACHT_PROGRESS_UPDATES": updates,
        "OVERDRACHT_DATA_DIR": data_dir,
    }
    command = [
        sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host",
        "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
        "--backlog", "4096", "--ws-per-message-deflate", str(deflate).lower(),
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    try:
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.asynccontextmanager
async def two_servers(
    database_url: str, updates: str, deflate: bool = False
) -> AsyncIterator[list[tuple[str, int]]]:
    """Two API processes on one database, up and waiting."""
    with (
        tempfile.TemporaryDirectory() as data_dir,
        serve(database_url, updates, data_dir, deflate) as first,
        serve(database_url, updates, data_dir, deflate) as second,
    ):
        await asyncio.gather(wait_until_up(first[0]), wait_until_up(second[0]))
        yield [first, second]


def resident_bytes(pid: int) -> int:
    """A process's resident memory now (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


# -- the subscribers, in client processes of their own ------------------------------------------


class Subscriber(asyncio.Protocol):
    """One socket with one subscription, noting when each round's value arrived.

    A WebSocket client made of the websockets library's own protocol (the sans-I/O one that
    uvicorn's server side uses too) on the event loop's transport: the library's asyncio
    connection adds a task, futures and a queue per message, and on this machine every bit of
    CPU the clients spend receiving is taken from the servers' burst.
    """

    def __init__(self, spec: Spec, arrived: asyncio.Event) -> None:
        self.spec = spec
        self.arrived = arrived
        self.arrivals: dict[int, float] = {}
        self.url = spec.url.replace("http://", "ws://") + "/graphql"
        self.protocol = ClientProtocol(
            parse_uri(self.url), subprotocols=[Subprotocol("graphql-transport-ws")]
        )
        self.transport: asyncio.Transport | None = None
        loop = asyncio.get_running_loop()
        self.handshake: asyncio.Future[None] = loop.create_future()
        self.closed: asyncio.Future[None] = loop.create_future()
        # Messages of the opening exchange, read in turn; None once the rounds may begin.
        self.opening: asyncio.Queue[bytes] | None = asyncio.Queue()
        self.parts: list[bytes] = []

    async def open(self) -> None:
        uri = parse_uri(self.url)
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(loop.create_connection(lambda: self, uri.host, uri.port), 120)
        await asyncio.wait_for(self.handshake, 120)
        self.send(
            {"type": "connection_init", "payload": {"Authorization": f"Bearer {self.spec.token}"}}
        )
        ack = orjson.loads(await self._next_opening())
        assert ack["type"] == "connection_ack", ack
        if self.spec.migration is not None:
            payload = {"query": PROGRESS_QUERY, "variables": {"id": self.spec.migration}}
        else:
            payload = {"query": OVERVIEW_QUERY}
        self.send({"id": "1", "type": "subscribe", "payload": payload})
        if self.spec.migration is not None:  # the offer as it is comes first
            first = orjson.loads(await self._next_opening())
            assert first["type"] == "next" and "errors" not in first["payload"], first
        self.opening = None

    async def _next_opening(self) -> bytes:
        assert self.opening is not None
        return await asyncio.wait_for(self.opening.get(), 120)

    def send(self, message: dict[str, Any]) -> None:
        self.protocol.send_text(orjson.dumps(message))
        self._flush()

    async def close(self) -> None:
        if not self.closed.done():
            self.protocol.send_close()
            self._flush()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self.closed), 10)
        if self.transport is not None:
            self.transport.close()

    # -- asyncio.Protocol --

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass
        self.protocol.send_request(self.protocol.connect())
        self._flush()

    def data_received(self, data: bytes) -> None:
        self.protocol.receive_data(data)
        for event in self.protocol.events_received():
            if isinstance(event, Response):
                if self.protocol.handshake_exc is not None:
                    self.handshake.set_exception(self.protocol.handshake_exc)
                else:
                    self.handshake.set_result(None)
            elif isinstance(event, Frame) and event.opcode in (Opcode.TEXT, Opcode.CONT):
                self.parts.append(bytes(event.data))
                if event.fin:
                    text, self.parts = b"".join(self.parts), []
                    self._message(text)
        self._flush()  # pongs, and the answer to a close

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.handshake.done():
            self.handshake.set_exception(exc or ConnectionError("closed during the handshake"))
        if not self.closed.done():
            self.closed.set_result(None)

    def _flush(self) -> None:
        assert self.transport is not None
        for data in self.protocol.data_to_send():
            if data:
                self.transport.write(data)
            elif self.transport.can_write_eof():  # the protocol's end of the stream
                self.transport.write_eof()

    def _message(self, text: bytes) -> None:
        at = time.monotonic()
        if self.opening is not None:
            self.opening.put_nowait(text)
            return
        message = orjson.loads(text)
        if message["type"] != "next":
            return
        data = message["payload"]["data"]
        if "migrationProgress" in data:
            row = data["migrationProgress"]["administrations"]["nodes"][0]
        else:
            row = data["overviewChanges"]
        self.arrivals.setdefault(row["progress"]["documentsDone"], at)
        self.arrived.set()


async def _client(pipe: Connection, share: list[Spec]) -> None:
    """Open this process's share of subscribers, then answer the benchmark's questions."""
    loop = asyncio.get_running_loop()
    arrived = asyncio.Event()
    subscribers = [Subscriber(spec, arrived) for spec in share]
    for start in range(0, len(subscribers), 25):  # not all handshakes in the same instant
        await asyncio.gather(*(s.open() for s in subscribers[start : start + 25]))
    pipe.send(("opened", len(subscribers)))
    while True:
        command = await loop.run_in_executor(None, pipe.recv)
        if command[0] == "wait":  # until every subscriber has this round's value
            value, deadline = command[1], time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline and not all(value in s.arrivals for s in subscribers):
                arrived.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(arrived.wait(), 0.5)
            pipe.send(("arrived", [(s.spec.n, s.arrivals.get(value)) for s in subscribers]))
        else:
            await asyncio.gather(*(s.close() for s in subscribers), return_exceptions=True)
            pipe.send(("closed",))
            return


def client_process(pipe: Connection, share: list[Spec]) -> None:
    """A client process's entry: its own event loop and as many sockets as the limit allows.

    The loop is uvloop's, as the servers' is under uvicorn: the clients share the machine with
    the servers, and every bit of CPU they spend receiving is taken from the servers' burst.
    """
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    uvloop.run(_client(pipe, share))


class Clients:
    """The client processes and their pipes."""

    def __init__(self, all_specs: list[Spec], processes: int) -> None:
        spawn = multiprocessing.get_context("spawn")
        self.pipes: list[Connection] = []
        self.processes = []
        for k in range(processes):
            ours, theirs = spawn.Pipe()
            process = spawn.Process(
                target=client_process, args=(theirs, all_specs[k::processes]), daemon=True
            )
            process.start()
            self.pipes.append(ours)
            self.processes.append(process)

    async def ask(self, command: tuple[Any, ...] | None = None) -> list[Any]:
        """Send a command to every client (None: only wait for their next answer)."""
        loop = asyncio.get_running_loop()
        if command is not None:
            for pipe in self.pipes:
                pipe.send(command)
        return list(await asyncio.gather(*(loop.run_in_executor(None, p.recv) for p in self.pipes)))

    async def arrivals(self, value: int) -> dict[int, float | None]:
        answers = await self.ask(("wait", value))
        return {n: at for answer in answers for n, at in answer[1]}

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ask(("close",)), 60)
        for process in self.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


# -- the measurements --------------------------------------------------------------------------


async def commits(watch: asyncpg.Connection, name: str) -> int:
    """Transactions committed in the database so far, as PostgreSQL publishes them."""
    await watch.execute("SELECT pg_stat_clear_snapshot()")
    value: int = await watch.fetchval(
        "SELECT xact_commit FROM pg_stat_database WHERE datname = $1", name
    )
    return value


@dataclass(frozen=True)
class Idle:
    """Transactions per second in a window where nothing changes, the servers' CPU and memory."""

    per_second: float
    server_cpu: float | None  # CPU seconds per second, both servers together
    resident: int  # bytes, both servers together, at the end of the window


def _cpu_sum(pids: list[int]) -> float | None:
    values = [_process_cpu_seconds(pid) for pid in pids]
    return None if None in values else sum(v for v in values if v is not None)


async def idle_window(
    watch: asyncpg.Connection, name: str, pids: list[int], args: argparse.Namespace
) -> Idle:
    await asyncio.sleep(args.settle_seconds)
    cpu_before = _cpu_sum(pids)
    before = await commits(watch, name)
    started = time.monotonic()
    await asyncio.sleep(args.idle_seconds)
    after = await commits(watch, name)
    elapsed = time.monotonic() - started
    cpu_after = _cpu_sum(pids)
    cpu = None if cpu_before is None or cpu_after is None else (cpu_after - cpu_before) / elapsed
    resident = sum(resident_bytes(pid) for pid in pids)
    return Idle(per_second=(after - before) / elapsed, server_cpu=cpu, resident=resident)


async def advance(
    mover: asyncpg.Connection, items: list[int], value: int, spread: float
) -> list[float]:
    """Every move's progress set to `value`; when each change was committed."""
    if spread <= 0:  # all in the same instant: one statement, one commit
        await mover.execute(
            "UPDATE migration_item SET documents_done = $1 WHERE id = ANY($2::int[])", value, items
        )
        return [time.monotonic()] * len(items)
    committed = []
    started = time.monotonic()
    for index, item in enumerate(items):
        # Independent moves report progress at independent moments.
        await asyncio.sleep(max(0.0, started + index * spread / len(items) - time.monotonic()))
        await mover.execute(
            "UPDATE migration_item SET documents_done = $1 WHERE id = $2", value, item
        )
        committed.append(time.monotonic())
    return committed


@dataclass(frozen=True)
class Result:
    """What one way of sending progress cost and how fast it was."""

    updates: str
    subscribers: int
    idle_without: Idle
    idle_with: Idle
    samples: list[float]
    missed: int
    # Over the measured rounds: the database's transactions (the progress updates themselves
    # included), the servers' CPU seconds (both together) and the seconds they took.
    round_transactions: int
    round_cpu: float | None
    round_seconds: float
    # The client processes' CPU seconds over the same rounds: taken from the same two cores.
    round_client_cpu: float | None = None

    def percentile(self, p: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]

    @property
    def resident_per_subscriber(self) -> float:
        return (self.idle_with.resident - self.idle_without.resident) / max(self.subscribers, 1)

    def cpu_ms_per_message(self, net: bool = False) -> float | None:
        """Servers' CPU per message received; `net`: less what they spend idle meanwhile."""
        if self.round_cpu is None or not self.samples:
            return None
        cpu = self.round_cpu
        if net and self.idle_with.server_cpu is not None:
            cpu -= self.idle_with.server_cpu * self.round_seconds
        return cpu / len(self.samples) * 1000


async def measure(
    database_url: str, world: World, updates: str, count: int, args: argparse.Namespace
) -> Result:
    """One full run of the measurements with the servers sending progress one way."""
    name = database_name(database_url)
    watch = await asyncpg.connect(asyncpg_dsn(server_url(database_url)))
    mover = await asyncpg.connect(asyncpg_dsn(database_url))
    value = await mover.fetchval("SELECT max(documents_done) FROM migration_item")
    try:
        async with two_servers(database_url, updates, args.deflate) as servers:
            pids = [pid for _, pid in servers]
            print(f"[{updates}] idle, no subscribers ...", flush=True)
            without = await idle_window(watch, name, pids, args)
            all_specs = specs(world, [url for url, _ in servers], count)
            started = time.monotonic()
            clients = Clients(all_specs, args.clients)
            try:
                opened = sum(answer[1] for answer in await clients.ask())
                print(
                    f"[{updates}] {opened} subscribers open in {time.monotonic() - started:.0f} s;"
                    " a first round proves them subscribed ...",
                    flush=True,
                )
                value += 1
                await advance(mover, world.items, value, args.spread)
                first = await clients.arrivals(value)
                not_yet = sum(at is None for at in first.values())
                if not_yet:
                    print(f"  {not_yet} subscribers got no first round within {WAIT_SECONDS:.0f} s")
                print(f"[{updates}] idle, {opened} subscribers ...", flush=True)
                with_ = await idle_window(watch, name, pids, args)
                print(f"[{updates}] {args.rounds} rounds of progress ...", flush=True)
                samples: list[float] = []
                missed = 0
                cpu_before = _cpu_sum(pids)
                client_pids = [p.pid for p in clients.processes if p.pid is not None]
                clients_before = _cpu_sum(client_pids)
                before = await commits(watch, name)
                started = time.monotonic()
                for _ in range(args.rounds):
                    value += 1
                    committed = await advance(mover, world.items, value, args.spread)
                    for spec_n, at in (await clients.arrivals(value)).items():
                        if at is None:
                            missed += 1
                        else:
                            samples.append(at - committed[all_specs[spec_n].move])
                    await asyncio.sleep(args.pause)
                seconds = time.monotonic() - started
                cpu_after = _cpu_sum(pids)
                clients_after = _cpu_sum(client_pids)
                await asyncio.sleep(args.settle_seconds)
                during = await commits(watch, name) - before
            finally:
                await clients.close()
    finally:
        await watch.close()
        await mover.close()
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    client_cpu = (
        None if clients_before is None or clients_after is None else clients_after - clients_before
    )
    return Result(updates, count, without, with_, samples, missed, during, cpu, seconds, client_cpu)


def _cpu(idle: Idle) -> str:
    return "" if idle.server_cpu is None else f", servers' CPU {idle.server_cpu * 100:.0f}%"


def report(result: Result, args: argparse.Namespace) -> None:
    from_subscribers = result.idle_with.per_second - result.idle_without.per_second
    print(f"\n== OVERDRACHT_PROGRESS_UPDATES={result.updates}, {result.subscribers} subscribers ==")
    print(
        f"idle, no subscribers:   {result.idle_without.per_second:8.1f} transactions/s"
        + _cpu(result.idle_without)
        + f", servers' memory {result.idle_without.resident / 2**20:.0f} MiB"
    )
    print(
        f"idle, {result.subscribers} subscribers: {result.idle_with.per_second:8.1f} transactions/s"
        + _cpu(result.idle_with)
        + f", servers' memory {result.idle_with.resident / 2**20:.0f} MiB"
    )
    print(f"  from the subscribers: {from_subscribers:8.1f} transactions/s")
    print(f"  memory per idle subscriber: {result.resident_per_subscriber / 1024:.1f} KiB")
    if result.samples:
        p50, p99 = result.percentile(50) * 1000, result.percentile(99) * 1000
        worst, mean = max(result.samples) * 1000, statistics.mean(result.samples) * 1000
        print(
            f"delay commit -> subscriber over {len(result.samples)} messages: "
            f"p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {worst:.0f} ms, mean {mean:.0f} ms"
        )
    changes = args.rounds * args.offers
    gross, net = result.cpu_ms_per_message(), result.cpu_ms_per_message(net=True)
    cpu = "" if gross is None else f", servers' CPU {gross:.3f} ms per message"
    if (
        result.updates == "notify" and gross is not None and net is not None
    ):  # polling idles by reading
        cpu += f" ({net:.3f} ms less what they spend idle: keepalive pings)"
    print(
        f"while progressing: {result.round_transactions / changes:.1f} transactions per change "
        f"(the change itself included){cpu}"
    )
    if result.round_client_cpu is not None and result.samples:
        per_message = result.round_client_cpu / len(result.samples) * 1000
        print(
            f"  the client processes' CPU, on the same cores: {per_message:.3f} ms per message "
            "received"
        )
    if result.missed:
        print(f"  NOT received within {WAIT_SECONDS:.0f} s: {result.missed}")


def goals(notify: Result) -> bool:
    """Each goal met or not, printed; whether all are."""
    idle_cost = notify.idle_with.per_second - notify.idle_without.per_second
    p99 = notify.percentile(99) if notify.samples else float("inf")
    cpu = notify.cpu_ms_per_message()
    checks = [
        ("nothing from idle subscribers (< 0.5 transactions/s more)", idle_cost < 0.5),
        (f"p99 at most {TARGET_P99_SECONDS:.0f} s, nothing missed", p99 <= TARGET_P99_SECONDS
         and notify.missed == 0 and bool(notify.samples)),
        (f"servers' CPU per message at most {TARGET_CPU_MS_PER_MESSAGE} ms",
         cpu is not None and cpu <= TARGET_CPU_MS_PER_MESSAGE),
    ]  # fmt: skip
    print(f"\ngoals (notify, {notify.subscribers} subscribers):")
    for goal, met in checks:
        print(f"  {goal}: {'met' if met else 'NOT met'}")
    print(f"  memory per idle subscriber: {notify.resident_per_subscriber / 1024:.1f} KiB (stated)")
    return all(met for _, met in checks)


async def run(args: argparse.Namespace) -> bool:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the servers inherit it
    async with throwaway_database(args.server, "overdracht_bench_subscriptions") as url:
        await open_migrated(url)
        try:
            world = await seed(args.offers)
        finally:
            await close_database()
        print(
            f"{args.offers} running moves between {2 * args.offers} offices, "
            f"{args.subscribers} subscribers (half migrationProgress, half overviewChanges) over "
            f"two API processes, {args.clients} client processes, {os.cpu_count()} CPUs, "
            f"permessage-deflate {'on' if args.deflate else 'off'}, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        notify = await measure(url, world, "notify", args.subscribers, args)
        poll = None
        if args.poll_subscribers:
            poll = await measure(url, world, "poll", args.poll_subscribers, args)
    report(notify, args)
    if poll is not None:
        report(poll, args)
    print(f"\nload after the run: {os.getloadavg()[0]:.1f}")
    return goals(notify)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark; the exit status is 0 only when the goals are met."""
    sys.exit(0 if asyncio.run(run(parse_args(argv))) else 1)


if __name__ == "__main__":
    main()
