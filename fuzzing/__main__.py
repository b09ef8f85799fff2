"""`python -m fuzzing [N]`: fuzz /graphql of a freshly seeded service and print the figures.

By default the service runs on a new SQLite database in a temporary directory; pass
--database-url for an empty PostgreSQL database. The exit status is 1 when any request got a
5xx or an "Unexpected error.", or when fewer than --min-requests were sent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from fuzzing.runner import Figures, run_fuzz
from overdracht.settings import Settings


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The bounds of a run, and where it keeps its database and report."""
    parser = argparse.ArgumentParser(prog="python -m fuzzing", description=__doc__)
    parser.add_argument("requests", nargs="?", type=int, default=2000, help="requests to send")
    parser.add_argument("--seconds", type=float, default=600, help="stop after this long")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated requests")
    parser.add_argument("--min-requests", type=int, default=None, help="fail below this count")
    parser.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    parser.add_argument("--report", type=Path, help="also write the figures as JSON here")
    return parser.parse_args(argv)


def print_figures(figures: Figures) -> None:
    """The figures, and each finding with the request that reproduces it."""
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(figures.statuses.items()))
    print(f"requests sent        {figures.requests}")
    print(f"5xx responses        {figures.server_errors}")
    print(f"unexpected errors    {figures.unexpected_errors}")
    print(f"tokens re-issued     {figures.tokens_reissued}")
    print(f"seconds              {figures.seconds}")
    print(f"statuses             {statuses}")
    for finding in figures.findings:
        print(f"\n-- {finding.status}: {finding.response[:500]}")
        print(json.dumps(finding.request, indent=2, ensure_ascii=True))


def main(argv: list[str] | None = None) -> int:
    """Run once and say whether the service held."""
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="overdracht-fuzz-") as tmp:
        work = Path(tmp)
        settings = Settings(
            database_url=args.database_url or f"sqlite://{work / 'fuzz.sqlite3'}",
            data_dir=work / "data",
        )
        log_path = work / "service.log"
        figures = run_fuzz(
            settings,
            requests=args.requests,
            seconds=args.seconds,
            seed=args.seed,
            log_path=log_path,
        )
        print_figures(figures)
        if args.report:
            args.report.write_text(json.dumps(figures.as_json(), indent=2, ensure_ascii=True))
        if figures.findings:  # the temporary directory goes; the tracebacks stay
            kept = Path(tempfile.gettempdir()) / "overdracht-fuzz-service.log"
            kept.write_bytes(log_path.read_bytes())
            print(f"\nThe service's log, with the tracebacks: {kept}")
    wanted = args.min_requests or args.requests
    enough = figures.requests >= wanted
    if not enough:
        print(f"stopped by the time limit after {figures.requests} of {wanted} requests")
    return 0 if figures.clean and enough else 1


if __name__ == "__main__":
    sys.exit(main())
