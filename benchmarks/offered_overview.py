"""Server CPU per request of the offered overview over GraphQL against the same SQL served plainly.

Run from the project root:

    .venv/bin/python -m benchmarks.offered_overview [--keep] [--rows 100000] [--check-only] [...]

It fills a dedicated PostgreSQL database with offered administrations, checks that the plain
reference handler (benchmarks/plain_offered_handler.py) runs the very statements the resolver
issues and answers the same JSON (exit 2, naming the first difference, when it does not), serves
the real app and the reference each with uvicorn in its own process, drives each with the same
concurrent httpx load and prints both side by side: met when the GraphQL server's CPU per request
is at most TARGET_CPU_RATIO times the reference's (exit 0), not met otherwise (exit 1).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from api.app import create_app
from benchmarks.offered_data import BENCH_OFFICE_CODE, BENCH_TOKEN, fill_database, filled_rows
from benchmarks.plain_offered_handler import (
    TOKEN_SQL,
    offered_statements,
    search_statements,
    searches_transfer_code,
)
from models.transfer_code import normalize_transfer_code
from overdracht.db import close_database, open_database
from overdracht.scratch_database import LOCAL_SERVER, connected, with_database
from overdracht.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = with_database(LOCAL_SERVER, "overdracht_bench")

QUERY = """query Offered($search: String, $first: Int, $after: String) {
  offeredAdministrations(search: $search, first: $first, after: $after) {
    totalCount
    nodes {
      offeredAt administrationName inboundMailAddress expiresAt transferCode recipients status
    }
    pageInfo { hasNextPage endCursor }
  }
}"""

EXPECTED_TOTAL_SQL = """
SELECT count(*) FROM migration_item i JOIN migration m ON m.id = i.migration_id
LEFT JOIN environment t ON t.id = m.target_environment_id
WHERE i.source_environment_id = $1
  AND (i.administration_name ILIKE $2 OR i.administration_code ILIKE $2
       OR i.inbound_mail_address ILIKE $2 OR i.recipients_text ILIKE $2
       OR t.name ILIKE $2 OR t.office_code ILIKE $2 OR m.transfer_code LIKE $3)
"""
# The most GraphQL may spend of the server's CPU per request, in times the plain handler's.
TARGET_CPU_RATIO = 3.0
# Pages the check compares, following each page's endCursor.
CHECKED_PAGES = 3


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The knobs of a run; the defaults are the issue's scenario."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.offered_overview",
        description=(
            "Measure requests/second of the offeredAdministrations GraphQL query against a plain "
            "Starlette + asyncpg handler running the same SQL, on a PostgreSQL database filled "
            "with offered administrations."
        ),
    )
    parser.add_argument(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help="PostgreSQL database to (re)create and fill (default: %(default)s)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the database when it is already filled instead of recreating it",
    )
    parser.add_argument(
        "--rows", type=int, default=100_000, help="offered administrations in all (%(default)s)"
    )
    parser.add_argument(
        "--environments", type=int, default=200, help="office environments (%(default)s)"
    )
    parser.add_argument(
        "--bench-rows",
        type=int,
        default=5_000,
        help="offered administrations of the environment the queries run as (%(default)s)",
    )
    parser.add_argument(
        "--search",
        default="bakkerij",
        help="search term: a word, not a status or a date (default: %(default)s)",
    )
    parser.add_argument("--first", type=int, default=50, help="page size (%(default)s)")
    parser.add_argument(
        "--concurrency", type=int, default=8, help="requests in flight (%(default)s)"
    )
    parser.add_argument(
        "--warmup", type=float, default=10.0, help="seconds of unmeasured load (%(default)s)"
    )
    parser.add_argument(
        "--duration", type=float, default=20.0, help="seconds measured per server (%(default)s)"
    )
    parser.add_argument(
        "--slices",
        type=int,
        default=4,
        help="measured time is split in this many slices, alternating the servers (%(default)s)",
    )
    parser.add_argument(
        "--check-only",
        action="store_true",
        help="only check that the reference runs the resolver's SQL and answers the same JSON",
    )
    args = parser.parse_args(argv)
    if args.slices < 1 or args.duration <= 0 or args.concurrency < 1:
        parser.error("--slices and --concurrency must be at least 1, --duration positive")
    return args


@dataclass
class Measurement:
    """What one server did under load in the measured window."""

    name: str
    requests: int = 0
    failures: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    server_cpu: float | None = 0.0
    client_cpu: float = 0.0
    first_failure: str = ""

    @property
    def throughput(self) -> float:
        """Requests per second over the measured window."""
        return self.requests / self.elapsed if self.elapsed else 0.0

    def percentile(self, p: int) -> float:
        """A latency percentile in milliseconds."""
        if len(self.latencies) < 2:
            return self.latencies[0] * 1000 if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=100)[p - 1] * 1000

    @property
    def server_cpu_ms_per_request(self) -> float | None:
        """CPU the server process spent per request, free of what the load generator costs."""
        if self.server_cpu is None or not self.requests:
            return None
        return self.server_cpu / self.requests * 1000


@dataclass
class Target:
    """A served endpoint and how a response of it is judged."""

    name: str
    url: str
    pid: int
    expected_total: int
    expected_nodes: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _process_cpu_seconds(pid: int) -> float | None:
    """User plus system CPU of a process, from /proc where there is one."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def serve(app: str, database_url: str) -> Iterator[tuple[str, int]]:
    """An ASGI app factory under uvicorn in its own process, on a free loopback port."""
    port = _free_port()
    env = dict(os.environ)
    env["OVERDRACHT_DATABASE_URL"] = database_url
    env["OVERDRACHT_BACKGROUND_JOBS"] = "false"
    command = [
        sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "warning", "--no-access-log",
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


async def wait_until_up(base_url: str, seconds: float = 30.0) -> None:
    """Poll /healthz until the server answers, so start-up is never measured."""
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base_url, timeout=2) as client:
        while True:
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{base_url} did not come up within {seconds:.0f} s")
            await asyncio.sleep(0.1)


async def expected_total(database_url: str, term: str) -> tuple[int, int]:
    """(rows in the database, rows the search should find), counted independently of both."""
    async with connected(database_url) as conn:
        rows = int(await conn.fetchval("SELECT count(*) FROM migration_item"))
        env_id = await conn.fetchval(
            "SELECT id FROM environment WHERE office_code = $1", BENCH_OFFICE_CODE
        )
        like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        code = normalize_transfer_code(term)
        code_like = f"%{code}%" if searches_transfer_code(term) else None
        total = int(await conn.fetchval(EXPECTED_TOTAL_SQL, env_id, like, code_like))
    return rows, total


async def sql_milliseconds(database_url: str, term: str, first: int) -> tuple[float, float]:
    """PostgreSQL's own execution time of the count and the page statement (median of 5)."""
    async with connected(database_url) as conn:
        env_id = await conn.fetchval(
            "SELECT id FROM environment WHERE office_code = $1", BENCH_OFFICE_CODE
        )
        count_sql, page_sql, args = search_statements(env_id, term)
        timings = []
        for sql, values in ((count_sql, args), (page_sql, [*args, first + 1])):
            runs = []
            for _ in range(5):
                plan = await conn.fetchval(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", *values)
                runs.append(float(json.loads(plan)[0]["Execution Time"]))
            timings.append(statistics.median(runs))
    return timings[0], timings[1]


def _statement_key(sql: str) -> tuple[list[str], str]:
    """A statement's select list, sorted (Tortoise takes it from a set), and the rest."""
    head, sep, tail = sql.partition(" FROM ")
    if not head.startswith("SELECT ") or not sep:
        return [], sql
    return sorted(head.removeprefix("SELECT ").split(",")), tail


def same_statement(a: str, b: str) -> bool:
    """Equal SQL up to the order of the select list."""
    return _statement_key(a) == _statement_key(b)


def where_they_part(resolver: str, reference: str) -> str:
    """Where two statements differ: the columns one selects alone, or the first other text."""
    (ours, our_tail), (theirs, their_tail) = _statement_key(resolver), _statement_key(reference)
    if ours != theirs:
        only_ours = sorted(set(ours) - set(theirs)) or "nothing"
        only_theirs = sorted(set(theirs) - set(ours)) or "nothing"
        return f"selected by the resolver alone: {only_ours}; by the reference alone: {only_theirs}"
    at = next(
        (i for i, (a, b) in enumerate(zip(our_tail, their_tail, strict=False)) if a != b),
        min(len(our_tail), len(their_tail)),
    )
    return (
        f"after ...{our_tail[max(0, at - 60) : at]!r}, the resolver has "
        f"{our_tail[at : at + 80]!r} and the reference {their_tail[at : at + 80]!r}"
    )


class ReferenceDrift(Exception):
    """The reference no longer does what the real endpoint does: its figures compare nothing."""


def first_difference(
    requests: list[tuple[str, list[str], list[str]]],
) -> str | None:
    """The first statement the resolver and the reference do not share, said for a reader.

    Each request is (its name, the resolver's statements, the reference's statements).
    """
    for name, captured, expected in requests:
        for n in range(max(len(captured), len(expected))):
            ours = captured[n] if n < len(captured) else "(none)"
            theirs = expected[n] if n < len(expected) else "(none)"
            if not same_statement(ours, theirs):
                return (
                    f"statement {n + 1} of {name} differs: {where_they_part(ours, theirs)}\n"
                    f"  the resolver issued:\n    {ours}\n"
                    f"  the reference runs:\n    {theirs}"
                )
    return None


class _StatementLog(logging.Handler):
    """Collects the SQL Tortoise logs at DEBUG, to compare with what the reference runs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "%s: %s" and isinstance(record.args, tuple) and record.args:
            self.statements.append(str(record.args[0]))


async def resolver_statements(
    database_url: str, args: argparse.Namespace
) -> list[tuple[str, str | None, list[str]]]:
    """The SQL the real app issues for the first pages, served in-process this once.

    One (name, the cursor it was asked after, statements) per page, following endCursor.
    """
    settings = Settings(database_url=database_url, background_jobs=False)
    app = create_app(settings, manage_database=False, run_background_jobs=False)
    await open_database(database_url)
    logger = logging.getLogger("tortoise.db_client")
    log, level = _StatementLog(), logger.level
    logger.addHandler(log)
    logger.setLevel(logging.DEBUG)
    pages: list[tuple[str, str | None, list[str]]] = []
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            after: str | None = None
            for page in range(1, CHECKED_PAGES + 1):
                log.statements = []
                response = await client.post("/graphql", json=_body(args, after), headers=_auth())
                response.raise_for_status()
                pages.append((f"page {page}", after, log.statements))
                info = response.json()["data"]["offeredAdministrations"]["pageInfo"]
                if not info["hasNextPage"]:
                    break
                after = info["endCursor"]
    finally:
        logger.removeHandler(log)
        logger.setLevel(level)
        await close_database()
    return pages


async def check_statements(database_url: str, args: argparse.Namespace) -> None:
    """Raise ReferenceDrift naming the first statement the reference does not run as is."""
    with_code = searches_transfer_code(args.search)
    requests = []
    for name, after, captured in await resolver_statements(database_url, args):
        count_sql, page_sql = offered_statements(with_code, after_cursor=after is not None)
        requests.append((name, captured, [TOKEN_SQL, count_sql, page_sql]))
    problem = first_difference(requests)
    pages = ", ".join(name for name, _, _ in requests)
    print(f"reference handler runs the resolver's SQL ({pages}): {'NO' if problem else 'yes'}")
    if problem:
        raise ReferenceDrift(problem)


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {BENCH_TOKEN}"}


def _body(args: argparse.Namespace, after: str | None = None) -> dict[str, Any]:
    return {
        "query": QUERY,
        "variables": {"search": args.search, "first": args.first, "after": after},
    }


def judge(target: Target, response: httpx.Response) -> str:
    """Why a response is wrong, or '' when it is 200 with data and the expected total."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    payload = response.json()
    if payload.get("errors"):
        return f"errors: {json.dumps(payload['errors'])[:200]}"
    data = (payload.get("data") or {}).get("offeredAdministrations") or {}
    if data.get("totalCount") != target.expected_total:
        return f"totalCount {data.get('totalCount')} != {target.expected_total}"
    if len(data.get("nodes") or []) != target.expected_nodes:
        return f"{len(data.get('nodes') or [])} nodes != {target.expected_nodes}"
    return ""


async def drive(
    target: Target, body: bytes, concurrency: int, seconds: float, measurement: Measurement | None
) -> None:
    """Keep `concurrency` requests in flight for `seconds`; record them when measuring."""
    headers = {**_auth(), "Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        started = time.perf_counter()
        deadline = started + seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                sent = time.perf_counter()
                response = await client.post(target.url, content=body, headers=headers)
                took = time.perf_counter() - sent
                if measurement is None:
                    continue
                problem = judge(target, response)
                measurement.requests += 1
                measurement.latencies.append(took)
                if problem:
                    measurement.failures += 1
                    measurement.first_failure = measurement.first_failure or problem

        cpu_before = _process_cpu_seconds(target.pid)
        client_before = time.process_time()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        if measurement is not None:
            measurement.elapsed += time.perf_counter() - started
            measurement.client_cpu += time.process_time() - client_before
            cpu_after = _process_cpu_seconds(target.pid)
            if cpu_before is None or cpu_after is None or measurement.server_cpu is None:
                measurement.server_cpu = None
            else:
                measurement.server_cpu += cpu_after - cpu_before


async def measure(
    targets: tuple[Target, Target], args: argparse.Namespace
) -> tuple[Measurement, Measurement]:
    """Warm both up, then alternate measured slices so other load on the machine hits both alike."""
    # Slices run A B, B A, A B, ...: neither server always goes first or last.
    body = json.dumps(_body(args)).encode()
    for target in targets:
        print(f"  {target.name}: warming up {args.warmup:.0f} s")
        await drive(target, body, args.concurrency, args.warmup, None)
    results = {t.name: Measurement(t.name) for t in targets}
    slice_seconds = args.duration / args.slices
    print(f"  measuring {args.duration:.0f} s each, in {args.slices} alternating slices")
    for i in range(args.slices):
        for target in targets if i % 2 == 0 else targets[::-1]:
            await drive(target, body, args.concurrency, slice_seconds, results[target.name])
    return results[targets[0].name], results[targets[1].name]


async def compare_responses(graphql: Target, plain: Target, args: argparse.Namespace) -> None:
    """Raise ReferenceDrift unless both endpoints answer the first pages with identical JSON."""
    after: str | None = None
    async with httpx.AsyncClient(timeout=30, headers=_auth()) as client:
        for page in range(1, CHECKED_PAGES + 1):
            body = _body(args, after)
            a = await client.post(graphql.url, json=body)
            b = await client.post(plain.url, json=body)
            same = a.status_code == b.status_code == 200 and a.json() == b.json()
            exact = a.content == b.content
            print(f"  page {page}: identical JSON {'yes' if same else 'NO'}", end="")
            print(f" (byte for byte: {'yes' if exact else 'no'})")
            if not same:
                raise ReferenceDrift(
                    f"page {page} differs\n  graphql: {a.text[:600]}\n  plain:   {b.text[:600]}"
                )
            info = a.json()["data"]["offeredAdministrations"]["pageInfo"]
            if not info["hasNextPage"]:
                break
            after = info["endCursor"]


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} ms"


def report(graphql: Measurement, plain: Measurement, args: argparse.Namespace) -> bool:
    """Print both measurements side by side; True when the CPU target is met on valid runs."""
    print(f"\nconcurrency {args.concurrency}, measured {args.duration:.0f} s per server")
    header = f"{'':10} {'requests':>9} {'failed':>7} {'req/s':>9} {'p50':>10} {'p95':>10}"
    print(header + f" {'server CPU/req':>15} {'client CPU':>11}")
    for m in (graphql, plain):
        client_busy = m.client_cpu / m.elapsed * 100 if m.elapsed else 0.0
        print(
            f"{m.name:10} {m.requests:>9} {m.failures:>7} {m.throughput:>9.1f} "
            f"{m.percentile(50):>7.2f} ms {m.percentile(95):>7.2f} ms "
            f"{_ms(m.server_cpu_ms_per_request):>15} {client_busy:>10.0f}%"
        )
    for m in (graphql, plain):
        if m.failures:
            print(f"{m.name}: {m.failures} bad responses, first: {m.first_failure}")
    ratio = graphql.throughput / plain.throughput if plain.throughput else 0.0
    print(f"\nthroughput GraphQL / plain: {ratio:.2f}")
    g_cpu, p_cpu = graphql.server_cpu_ms_per_request, plain.server_cpu_ms_per_request
    if not g_cpu or not p_cpu:
        print("server CPU per request could not be read (no /proc): target not judged")
        return False
    cpu_ratio = g_cpu / p_cpu
    valid = not graphql.failures and not plain.failures
    met = valid and cpu_ratio <= TARGET_CPU_RATIO
    print(
        f"server CPU per request, GraphQL / plain: {g_cpu:.2f} ms / {p_cpu:.2f} ms = "
        f"{cpu_ratio:.2f} (target at most {TARGET_CPU_RATIO:g}): {'met' if met else 'not met'}"
    )
    if not valid:
        print("not met: the run had bad responses")
    return met


@contextlib.asynccontextmanager
async def servers(database_url: str) -> AsyncIterator[tuple[str, int, str, int]]:
    """The real app and the reference handler, both up and waiting."""
    with (
        serve("api.app:create_app", database_url) as (graphql_url, graphql_pid),
        serve("benchmarks.plain_offered_handler:create_app", database_url) as (
            plain_url,
            plain_pid,
        ),
    ):
        await asyncio.gather(wait_until_up(graphql_url), wait_until_up(plain_url))
        yield graphql_url, graphql_pid, plain_url, plain_pid


async def run(args: argparse.Namespace) -> bool:
    """Prepare the data, check the reference against the app, measure both, report."""
    url = args.database_url
    kept = await filled_rows(url) if args.keep else 0
    if kept:
        print(f"database: reusing {kept} offered administrations")
    else:
        started = time.perf_counter()
        await fill_database(
            url, rows=args.rows, offices=args.environments, bench_items=args.bench_rows
        )
        print(f"database: filled in {time.perf_counter() - started:.1f} s")
    rows, total = await expected_total(url, args.search)
    print(f"rows in the database: {rows} offered administrations")
    print(f"search term: {args.search!r}, expected totalCount: {total}, page size: {args.first}")
    await check_statements(url, args)
    if not args.check_only:
        count_ms, page_ms = await sql_milliseconds(url, args.search, args.first)
        print(f"PostgreSQL execution per request: count {count_ms:.1f} ms + page {page_ms:.1f} ms")

    async with servers(url) as (graphql_url, graphql_pid, plain_url, plain_pid):
        nodes = min(args.first, total)
        graphql = Target("GraphQL", f"{graphql_url}/graphql", graphql_pid, total, nodes)
        plain = Target("plain", f"{plain_url}/offered", plain_pid, total, nodes)
        print("comparing responses:")
        await compare_responses(graphql, plain, args)
        print("both endpoints return identical JSON: yes")
        if args.check_only:
            return True
        print("measuring:")
        graphql_result, plain_result = await measure((graphql, plain), args)
    return report(graphql_result, plain_result, args)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark: exit 0 when the target is met, 1 when not, 2 when the reference drifted.

    With --check-only, exit 0 once the reference is found to run the same SQL and answer the
    same JSON.
    """
    args = parse_args(argv)
    try:
        import uvloop
    except ImportError:
        runner = asyncio.run
    else:
        runner = uvloop.run
    try:
        met = runner(run(args))
    except ReferenceDrift as drift:
        print(f"\nTHE REFERENCE NO LONGER MATCHES THE APP: {drift}", file=sys.stderr)
        print(
            "Its figures would compare unlike things: make benchmarks/plain_offered_handler.py "
            "do what the resolver does.",
            file=sys.stderr,
        )
        sys.exit(2)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
