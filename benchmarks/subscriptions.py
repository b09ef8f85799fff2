"""Live progress for many subscribers over two API processes: what idling costs, how fast news is.

Run from the project root:

    .venv/bin/python -m benchmarks.subscriptions [--subscribers 500] [--offers 50] [--rounds 10]

It makes a throwaway PostgreSQL database with offers whose moves are running, serves the real app
with uvicorn in two processes of its own, spreads the WebSocket subscribers over both (each
watching the progress of one move), and measures, once with OVERDRACHT_PROGRESS_UPDATES=notify
and once with =poll as the reference:

- the database's transactions per second (pg_stat_database.xact_commit: every statement outside
  a transaction block is one) while nothing changes, without subscribers and with them;
- the delay from a progress change committed in the database to each subscriber receiving it
  (p50, p99, max), over rounds in which every running move advances once, as heartbeats do:
  spread over a second by default (the moves are independent), or all at once (`--spread 0`);
- the database's transactions per change and the servers' CPU per message sent.

The servers run no background loops, so the database's own baseline is what they would cost
without any subscriber.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

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
from models.enums import AccountingPackage, MigrationStatus, Plan, Role
from overdracht.db import close_database
from overdracht.scratch_database import (
    LOCAL_SERVER,
    asyncpg_dsn,
    database_name,
    open_migrated,
    server_url,
    throwaway_database,
)
from tests.subscriptions import Client, connect

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET_P99_SECONDS = 1.0
DOCUMENTS = 1_000_000  # each move's documents_total: progress never runs out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=500)
    parser.add_argument("--offers", type=int, default=50, help="running moves watched")
    parser.add_argument("--rounds", type=int, default=10, help="progress changes per move")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between rounds")
    parser.add_argument(
        "--spread",
        type=float,
        default=1.0,
        help="seconds over which one round's changes are committed (0: all at once)",
    )
    parser.add_argument("--idle-seconds", type=float, default=20.0, help="each idle window")
    parser.add_argument(
        "--settle-seconds",
        type=float,
        default=11.0,
        help="wait before an idle window: PostgreSQL publishes an idle backend's counts late",
    )
    parser.add_argument("--server", default=LOCAL_SERVER, help="PostgreSQL server URL")
    return parser.parse_args(argv)


# -- the data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """The running moves subscribers watch, and a token that may watch them."""

    token: str
    migrations: list[str]  # global IDs
    items: list[int]  # the one item of each


async def seed(offers: int) -> World:
    """Offers from one office to another, each with one administration whose move is running."""
    now = datetime.now(UTC)
    source = await Environment.create(
        office_code="K10001", name="Bron", plan=Plan.STANDARD, created_at=now
    )
    target = await Environment.create(
        office_code="K20001", name="Doel", plan=Plan.PREMIUM, created_at=now
    )
    watcher = await User.create(
        environment=target,
        email="eva@doel.example",
        display_name="Eva",
        role=Role.SUPERUSER,
        created_at=now,
    )
    _, token = await ApiToken.issue(watcher, now=now)
    connection = await AccountingConnection.create(
        environment=source, package=AccountingPackage.EXACT_ONLINE, name="Exact", created_at=now
    )
    migrations, items = [], []
    for n in range(offers):
        administration = await add_administration(
            connection, code=f"{1000 + n}", name=f"Klant {n}", domain="in.example", now=now
        )
        migration = await Migration.create(
            source_environment=source,
            target_environment=target,
            requester_name="Anna",
            requester_email="anna@bron.example",
            package=AccountingPackage.EXACT_ONLINE,
            transfer_code=f"BENCH{n:06d}",
            recipients=[watcher.email],
            offered_at=now,
            expires_at=now + timedelta(days=15),
            terms_accepted_at=now,
        )
        item = await MigrationAdministration.create(
            migration=migration,
            administration=administration,
            open_administration_id=administration.pk,
            source_environment=source,
            administration_code=administration.code,
            administration_name=administration.name,
            inbound_mail_address=administration.inbound_mail_address,
            recipients_text=watcher.email,
            status=MigrationStatus.RUNNING,
            offered_at=now,
            expires_at=now + timedelta(days=15),
            status_changed_at=now,
            target_environment=target,
            documents_total=DOCUMENTS,
            lease_until=now + timedelta(days=1),
            started_at=now,
        )
        migrations.append(encode_global_id("Migration", migration.pk))
        items.append(item.pk)
    return World(token=token, migrations=migrations, items=items)


# -- the servers -------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(database_url: str, updates: str, data_dir: str) -> Iterator[tuple[str, int]]:
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
async def two_servers(database_url: str, updates: str) -> AsyncIterator[list[tuple[str, int]]]:
    """Two API processes on one database, up and waiting."""
    with (
        tempfile.TemporaryDirectory() as data_dir,
        serve(database_url, updates, data_dir) as first,
        serve(database_url, updates, data_dir) as second,
    ):
        await asyncio.gather(wait_until_up(first[0]), wait_until_up(second[0]))
        yield [first, second]


# -- the subscribers ---------------------------------------------------------------------------


@dataclass
class Subscriber:
    """One socket watching one move, noting when each progress value arrived."""

    index: int  # which move
    socket: Any
    client: Client
    arrivals: dict[int, float] = field(default_factory=dict)
    reader: asyncio.Task[None] | None = None

    async def read(self, arrived: asyncio.Event) -> None:
        while (rows := await self.client.next_rows(timeout=3600)) is not None:
            self.arrivals[rows[0]["progress"]["documentsDone"]] = time.perf_counter()
            arrived.set()


async def subscribe_all(
    world: World, servers: list[tuple[str, int]], count: int, arrived: asyncio.Event
) -> list[Subscriber]:
    """Open the sockets, half on each server, each watching one move; first messages read."""

    async def one(n: int) -> Subscriber:
        base_url = servers[n % len(servers)][0]
        socket, client = await connect(base_url, world.token)
        ack = await client.receive(timeout=60)
        assert ack["type"] == "connection_ack", ack
        index = n % len(world.migrations)
        await client.subscribe(world.migrations[index])
        first = await client.next_rows(timeout=60)
        assert first is not None
        subscriber = Subscriber(index, socket, client)
        subscriber.reader = asyncio.create_task(subscriber.read(arrived))
        return subscriber

    subscribers: list[Subscriber] = []
    for start in range(0, count, 50):  # not all handshakes in the same instant
        batch = range(start, min(start + 50, count))
        subscribers.extend(await asyncio.gather(*(one(n) for n in batch)))
    return subscribers


async def close_all(subscribers: list[Subscriber]) -> None:
    for subscriber in subscribers:
        if subscriber.reader is not None:
            subscriber.reader.cancel()
    await asyncio.gather(*(s.socket.close() for s in subscribers), return_exceptions=True)


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
    """Transactions per second in a window where nothing changes, and the servers' CPU."""

    per_second: float
    server_cpu: float | None  # CPU seconds per second, both servers together


async def idle_window(
    watch: asyncpg.Connection, name: str, pids: list[int], args: argparse.Namespace
) -> Idle:
    await asyncio.sleep(args.settle_seconds)
    cpu_before = [_process_cpu_seconds(pid) for pid in pids]
    before = await commits(watch, name)
    started = time.perf_counter()
    await asyncio.sleep(args.idle_seconds)
    after = await commits(watch, name)
    elapsed = time.perf_counter() - started
    cpu_after = [_process_cpu_seconds(pid) for pid in pids]
    cpu = None
    if None not in cpu_before and None not in cpu_after:
        cpu = sum(a - b for a, b in zip(cpu_after, cpu_before, strict=True)) / elapsed  # type: ignore[operator]
    return Idle(per_second=(after - before) / elapsed, server_cpu=cpu)


async def delays(
    database_url: str,
    world: World,
    subscribers: list[Subscriber],
    arrived: asyncio.Event,
    args: argparse.Namespace,
) -> tuple[list[float], int]:
    """Every move advances once a round; the seconds from each commit to each subscriber."""
    samples: list[float] = []
    missed = 0
    watching: dict[int, list[Subscriber]] = {}
    for subscriber in subscribers:
        watching.setdefault(subscriber.index, []).append(subscriber)
    mover = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        for round_ in range(1, args.rounds + 1):
            committed: dict[int, float] = {}
            started = time.perf_counter()
            gap = args.spread / len(world.items)
            for index, item in enumerate(world.items):
                # Independent moves report progress at independent moments.
                await asyncio.sleep(max(0.0, started + index * gap - time.perf_counter()))
                await mover.execute(
                    "UPDATE migration_item SET documents_done = $1 WHERE id = $2", round_, item
                )
                committed[index] = time.perf_counter()
            deadline = time.perf_counter() + 30
            while time.perf_counter() < deadline:
                if all(round_ in s.arrivals for s in subscribers):
                    break
                arrived.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(arrived.wait(), 1)
            for index, group in watching.items():
                for subscriber in group:
                    at = subscriber.arrivals.get(round_)
                    if at is None:
                        missed += 1
                    else:
                        samples.append(at - committed[index])
            await asyncio.sleep(args.pause)
    finally:
        await mover.close()
    return samples, missed


@dataclass(frozen=True)
class Result:
    """What one way of sending progress cost and how fast it was."""

    updates: str
    idle_without: Idle
    idle_with: Idle
    samples: list[float]
    missed: int
    # Over the rounds: the database's transactions (the progress updates themselves included)
    # and the servers' CPU seconds, both servers together.
    round_transactions: int
    round_cpu: float | None

    def percentile(self, p: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


async def measure(
    database_url: str, world: World, updates: str, args: argparse.Namespace
) -> Result:
    """One full run of both measurements with the servers sending progress one way."""
    name = database_name(database_url)
    watch = await asyncpg.connect(asyncpg_dsn(server_url(database_url)))
    try:
        async with two_servers(database_url, updates) as servers:
            pids = [pid for _, pid in servers]
            print(f"[{updates}] idle, no subscribers ...", flush=True)
            without = await idle_window(watch, name, pids, args)
            arrived = asyncio.Event()
            subscribers = await subscribe_all(world, servers, args.subscribers, arrived)
            try:
                print(f"[{updates}] idle, {len(subscribers)} subscribers ...", flush=True)
                with_ = await idle_window(watch, name, pids, args)
                print(f"[{updates}] {args.rounds} rounds of progress ...", flush=True)
                cpu_before = [_process_cpu_seconds(pid) for pid in pids]
                before = await commits(watch, name)
                samples, missed = await delays(database_url, world, subscribers, arrived, args)
                await asyncio.sleep(args.settle_seconds)
                during = await commits(watch, name) - before
                cpu_after = [_process_cpu_seconds(pid) for pid in pids]
            finally:
                await close_all(subscribers)
    finally:
        await watch.close()
    cpu = None
    if None not in cpu_before and None not in cpu_after:
        cpu = sum(a - b for a, b in zip(cpu_after, cpu_before, strict=True))  # type: ignore[operator]
    return Result(updates, without, with_, samples, missed, during, cpu)


def _cpu(idle: Idle) -> str:
    return "" if idle.server_cpu is None else f", servers' CPU {idle.server_cpu * 100:.0f}%"


def report(result: Result, args: argparse.Namespace) -> None:
    from_subscribers = result.idle_with.per_second - result.idle_without.per_second
    print(f"\n== OVERDRACHT_PROGRESS_UPDATES={result.updates} ==")
    print(
        f"idle, no subscribers:   {result.idle_without.per_second:8.1f} transactions/s"
        + _cpu(result.idle_without)
    )
    print(
        f"idle, {args.subscribers} subscribers: {result.idle_with.per_second:8.1f} transactions/s"
        + _cpu(result.idle_with)
    )
    print(f"  from the subscribers: {from_subscribers:8.1f} transactions/s")
    if result.samples:
        p50, p99 = result.percentile(50) * 1000, result.percentile(99) * 1000
        worst, mean = max(result.samples) * 1000, statistics.mean(result.samples) * 1000
        print(
            f"delay commit -> subscriber over {len(result.samples)} messages: "
            f"p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {worst:.0f} ms, mean {mean:.0f} ms"
        )
    messages = len(result.samples) or 1
    changes = args.rounds * args.offers
    cpu = (
        ""
        if result.round_cpu is None
        else (f", servers' CPU {result.round_cpu / messages * 1000:.1f} ms per message")
    )
    print(
        f"while progressing: {result.round_transactions / changes:.1f} transactions per change "
        f"(the change itself included){cpu}"
    )
    if result.missed:
        print(f"  NOT received within 30 s: {result.missed}")


async def run(args: argparse.Namespace) -> bool:
    async with throwaway_database(args.server, "overdracht_bench_subscriptions") as url:
        await open_migrated(url)
        try:
            world = await seed(args.offers)
        finally:
            await close_database()
        print(
            f"{args.offers} running moves, {args.subscribers} subscribers over two API "
            f"processes, {os.cpu_count()} CPUs",
            flush=True,
        )
        notify = await measure(url, world, "notify", args)
        poll = await measure(url, world, "poll", args)
    report(notify, args)
    report(poll, args)
    idle_cost = notify.idle_with.per_second - notify.idle_without.per_second
    met = (
        bool(notify.samples)
        and notify.missed == 0
        and notify.percentile(99) <= TARGET_P99_SECONDS
        and idle_cost < 0.5
    )
    print(
        "\ngoals (notify: nothing from idle subscribers, p99 <= 1 s): "
        + ("met" if met else "NOT met")
    )
    return met


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark; the exit status is 0 only when the goals are met."""
    sys.exit(0 if asyncio.run(run(parse_args(argv))) else 1)


if __name__ == "__main__":
    main()
