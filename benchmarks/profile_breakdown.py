"""Where a server's CPU goes, by layer, from a sampling profile of it under the benchmark's load.

Run the overview benchmark, record the GraphQL server's on-CPU stacks with a sampling profiler
that writes collapsed stacks (one line per stack: frames joined by `;`, then a count; py-spy's
`record --format raw` does), then:

    .venv/bin/python -m benchmarks.profile_breakdown STACKS --cpu-ms 9.2

Each sample is charged to the innermost frame of a known layer (a sample in the JSON encoder
called from the view is serialisation, not the view), and the layers are printed as a Markdown
table with their share and, given the measured CPU per request, milliseconds per request.

A sample whose innermost Python frame is the event loop's runner is left out: the loop waiting
for sockets (uvloop's epoll) cannot be told from the loop's own native work there, and a
sampler counts the wait as running. The shares are of the other samples, so the loop's own
native work is spread over the layers in proportion. The file store's worker threads, blocked in
their queue while they wait for work, are left out the same way.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

# Layers, each by the files its frames are in; a frame's file is matched in this order.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("JSON: response encoded", ("json/encoder.py", "orjson", "api/graphql.py:encode")),
    ("JSON: request decoded", ("json/decoder.py", "api/json_body.py")),
    ("metrics (Prometheus)", ("prometheus_client/",)),
    ("database driver (asyncpg: statements sent, rows decoded)", ("asyncpg/",)),
    ("ORM: SQL built (Tortoise, pypika)", ("pypika_tortoise/", "tortoise/queryset.py",
                                           "tortoise/expressions.py", "tortoise/query_utils.py",
                                           "tortoise/filters.py", "tortoise/functions.py")),
    ("ORM: rows turned into model instances", ("tortoise/",)),
    ("Strawberry extensions' hooks (limits, codes, masking, cost, deadline)", (
        "strawberry/extensions/", "api/error_codes.py", "api/query_cost.py",
        "api/list_limits.py", "api/storable_text.py", "api/number_literals.py",
        "api/operation_auth.py", "api/request_deadline.py",
    )),
    ("graphql-core: parse and validate", ("graphql/language/", "graphql/validation/",
                                          "graphql/utilities/")),
    ("graphql-core: execution (fields resolved, values completed)", ("graphql/",
                                                                     "api/plain_fields.py")),
    ("Strawberry: field resolvers and conversion", ("strawberry/types/", "strawberry/schema/",
                                                    "strawberry/execution/", "strawberry/relay/",
                                                    "strawberry/utils/")),
    ("resolver: query, page, nodes (api/, models/)", ("api/resolvers/", "api/schema/",
                                                     "api/pagination.py", "api/permissions.py",
                                                     "api/context.py", "api/loaders.py",
                                                     "api/search.py", "api/auth.py", "models/",
                                                     "overdracht/")),
    ("HTTP view (Strawberry's and api/graphql.py)", ("strawberry/", "api/graphql.py",
                                                    "api/operation_labels.py", "cross_web/")),
    ("ASGI middleware and routing (Starlette, api/)", ("starlette/", "api/")),
    ("HTTP protocol (uvicorn, httptools)", ("uvicorn/", "httptools/")),
    ("event loop (asyncio's Python code)", ("asyncio/", "uvloop/")),
]  # fmt: skip
# The same for a server sending live messages over WebSockets (benchmarks/subscriptions.py).
LIVE_LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("JSON: messages encoded", ("json/encoder.py", "orjson", "api/graphql.py:encode",
                                "api/live_messages.py:text")),
    ("JSON: messages decoded", ("json/decoder.py", "api/json_body.py")),
    ("database driver (asyncpg)", ("asyncpg/",)),
    ("ORM (Tortoise, pypika)", ("pypika_tortoise/", "tortoise/")),
    ("token re-check (api/socket_auth.py)", ("api/socket_auth.py", "api/auth.py")),
    ("Strawberry extensions' hooks (limits, codes, masking, cost, deadline)", (
        "strawberry/extensions/", "api/error_codes.py", "api/query_cost.py",
        "api/list_limits.py", "api/storable_text.py", "api/number_literals.py",
        "api/operation_auth.py", "api/request_deadline.py",
    )),
    ("shared rendering (api/live_messages.py)", ("api/live_messages.py",)),
    ("graphql-core: execution (fields resolved, values completed)", ("graphql/",)),
    ("Strawberry: field resolvers and conversion", ("strawberry/types/", "strawberry/schema/",
                                                    "strawberry/execution/", "strawberry/relay/",
                                                    "strawberry/utils/")),
    ("subscription resolvers, news, types (api/, models/)", ("api/", "models/", "overdracht/")),
    ("Strawberry's graphql-transport-ws handler", ("strawberry/",)),
    ("WebSocket frames (uvicorn, websockets)", ("websockets/", "uvicorn/protocols/websockets")),
    ("ASGI and Starlette's WebSocket", ("starlette/", "uvicorn/")),
    ("event loop (asyncio's Python code)", ("asyncio/", "uvloop/")),
]  # fmt: skip
OTHER = "other"
LEFT_OUT = "left out: in the event loop's runner (waiting, or native loop work)"
IDLE = "left out: the file store's worker threads waiting for work"
_LOOP_RUNNER = ("asyncio/runners.py", "uvicorn/_compat.py")
# A worker thread of the file store waiting for work (blocked in its queue, which the sampler
# counts as running); one doing work has the work's frames below this one.
_IDLE_THREADS = ("DaemonThreads._run (",)
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>.*?):(?P<line>\d+)\)$")


def layer_of(frame: str, layers: list[tuple[str, tuple[str, ...]]] = LAYERS) -> str | None:
    """The layer a frame `function (file:line)` belongs to, or None for one of no layer."""
    match = _FRAME.match(frame)
    if match is None:
        return None
    where = f"{match['file']}:{match['function']}"
    for name, files in layers:
        if any(part in where for part in files):
            return name
    return None


def breakdown(lines: list[str], layers: list[tuple[str, tuple[str, ...]]] = LAYERS) -> Counter[str]:
    """Samples per layer, each charged to the innermost frame that belongs to one."""
    samples: Counter[str] = Counter()
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        if any(runner in frames[-1] for runner in _LOOP_RUNNER):
            samples[LEFT_OUT] += int(count)
            continue
        if any(idle in frames[-1] for idle in _IDLE_THREADS):
            samples[IDLE] += int(count)
            continue
        layer = next((found for f in reversed(frames) if (found := layer_of(f, layers))), OTHER)
        samples[layer] += int(count)
    return samples


def table(samples: Counter[str], cpu_ms: float | None, unit: str = "request") -> str:
    """The layers as a Markdown table, largest first, with ms per request when known."""
    total = sum(count for name, count in samples.items() if name not in (LEFT_OUT, IDLE))
    rows = [f"| layer | ms per {unit} | share |", "|---|---:|---:|"]
    for name, count in samples.most_common():
        if name in (LEFT_OUT, IDLE):
            continue
        share = count / total
        ms = f"{share * cpu_ms:.2f}" if cpu_ms else "?"
        rows.append(f"| {name} | {ms} | {share:.0%} |")
    rows.append(f"| all ({total} samples) | {cpu_ms or '?'} | 100% |")
    rows.append(f"\n{samples[LEFT_OUT]} samples {LEFT_OUT}.")
    rows.append(f"{samples[IDLE]} samples {IDLE}.")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Print the table for a file of collapsed stacks."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_breakdown")
    parser.add_argument(
        "stacks", type=Path, nargs="+", help="collapsed stacks: frames;frames count"
    )
    parser.add_argument(
        "--cpu-ms", type=float, default=None, help="the server's measured CPU per request"
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="a server sending live messages (benchmarks.subscriptions): per message",
    )
    args = parser.parse_args(argv)
    layers, unit = (LIVE_LAYERS, "message") if args.live else (LAYERS, "request")
    lines = [line for path in args.stacks for line in path.read_text().splitlines()]
    print(table(breakdown(lines, layers), args.cpu_ms, unit))


if __name__ == "__main__":
    main()
