"""The overview benchmark's reference runs the resolver's very SQL, or the benchmark says so.

Its figures compare the GraphQL endpoint with a plain handler; when the resolver's statements
change and the reference does not follow, they compare unlike things. The check is part of the
benchmark, and here it runs on a small database, so a change to the resolver that leaves the
reference behind fails the suite instead of the next benchmark run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.offered_data import BENCH_OFFICE_CODE
from benchmarks.offered_overview import first_difference
from benchmarks.plain_offered_handler import TOKEN_SQL, offered_statements
from overdracht.scratch_database import connected, throwaway_database
from tests.conftest import POSTGRES_SERVER_URL

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_statements_equal_but_for_the_order_of_their_select_list_are_the_same() -> None:
    count_sql, page_sql = offered_statements(with_transfer_code=False)
    head, _, tail = page_sql.partition(" FROM ")
    reordered = "SELECT " + ",".join(reversed(head.removeprefix("SELECT ").split(","))) + " FROM "
    assert first_difference([("page 1", [TOKEN_SQL, count_sql, reordered + tail],
                              [TOKEN_SQL, count_sql, page_sql])]) is None  # fmt: skip


def test_the_first_differing_statement_is_named_with_where_it_differs() -> None:
    count_sql, page_sql = offered_statements(with_transfer_code=False)
    _, after_sql = offered_statements(with_transfer_code=False, after_cursor=True)
    with_code, _ = offered_statements(with_transfer_code=True)
    first_page = ("page 1", [TOKEN_SQL, count_sql, page_sql], [TOKEN_SQL, count_sql, page_sql])
    second_page = ("page 2", [TOKEN_SQL, with_code, after_sql], [TOKEN_SQL, count_sql, after_sql])
    problem = first_difference([first_page, second_page])
    assert problem is not None
    assert problem.startswith("statement 2 of page 2 differs")
    assert "transfer_code" in problem.splitlines()[0]


def test_a_statement_too_few_is_a_difference() -> None:
    count_sql, page_sql = offered_statements(with_transfer_code=False)
    problem = first_difference(
        [("page 1", [TOKEN_SQL, count_sql], [TOKEN_SQL, count_sql, page_sql])]
    )
    assert problem is not None
    assert problem.startswith("statement 3 of page 1 differs")


def test_a_selected_column_only_one_side_has_is_named() -> None:
    count_sql, page_sql = offered_statements(with_transfer_code=False)
    head, _, tail = page_sql.partition(" FROM ")
    columns = head.removeprefix("SELECT ").split(",")
    fewer = "SELECT " + ",".join(columns[1:]) + " FROM " + tail
    problem = first_difference([("page 1", [TOKEN_SQL, count_sql, page_sql],
                                 [TOKEN_SQL, count_sql, fewer])])  # fmt: skip
    assert problem is not None
    assert columns[0] in problem.splitlines()[0]


def check_reference(url: str, *options: str) -> subprocess.CompletedProcess[str]:
    """The benchmark's check alone on a small database, on its first three pages."""
    command = [
        sys.executable, "-m", "benchmarks.offered_overview", "--check-only",
        "--database-url", url, "--rows", "200", "--environments", "4", "--bench-rows", "150",
        *options,
    ]  # fmt: skip
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.postgres
async def test_the_reference_runs_the_resolvers_sql_and_answers_the_same_json() -> None:
    """For a word and for a piece of a transfer code (a statement of its own): exit 0."""
    async with throwaway_database(POSTGRES_SERVER_URL, "overdracht_test_bench") as url:
        word = check_reference(url, "--search", "bakkerij", "--first", "2")
        async with connected(url) as conn:
            code = await conn.fetchval(
                "SELECT m.transfer_code FROM migration m JOIN environment e "
                "ON e.id = m.source_environment_id WHERE e.office_code = $1 ORDER BY m.id LIMIT 1",
                BENCH_OFFICE_CODE,
            )
        # The first offer holds three administrations: three pages of one.
        piece = check_reference(url, "--keep", "--search", code[:5].lower(), "--first", "1")
    for run in (word, piece):
        assert run.returncode == 0, run.stdout + run.stderr
        assert "runs the resolver's SQL (page 1, page 2, page 3): yes" in run.stdout, run.stdout
        assert "both endpoints return identical JSON: yes" in run.stdout
