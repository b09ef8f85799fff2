"""The text log as an operator reads it: refusals quiet and short, bugs loud, no forged lines."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest
from graphql import GraphQLError

from api.errors import ForbiddenError
from api.graphql import build_schema
from models.enums import TokenScope
from overdracht.logs import JsonFormatter, TextFormatter
from overdracht.settings import Settings
from tests.scenarios import Scenario

# Where every record of the text log starts: its time and level.
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")
ALIASES = " ".join(f"a{i}: offeredAdministrations {{ totalCount }}" for i in range(30))


class TextLog:
    """What the service's text log holds, written as `overdracht serve` writes it."""

    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    @property
    def lines(self) -> list[str]:
        return self.stream.getvalue().splitlines()

    def of_request(self, request_id: str) -> list[str]:
        """The records written while this request ran, tracebacks included."""
        found, inside = [], False
        for line in self.lines:
            if RECORD.match(line):
                inside = line.endswith(f"[request {request_id}]")
            if inside:
                found.append(line)
        return found


@pytest.fixture
def text_log() -> Iterator[TextLog]:
    """The root logger's records in the service's text format, from INFO up."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(TextFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield TextLog(stream)
    root.removeHandler(handler)
    root.setLevel(level)


async def post(scenario: Scenario, body: dict, request_id: str, token: str | None = None) -> dict:
    headers = {"X-Request-ID": request_id}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await scenario.server.client.post("/graphql", json=body, headers=headers)
    return response.json()


@pytest.mark.parametrize("who", ["nobody", "partner"])
async def test_a_refused_request_is_one_quiet_line_without_a_traceback(
    scenario: Scenario, factory, text_log: TextLog, who
):
    token = None
    if who == "partner":
        token = await factory.token(scenario.superuser, scope=TokenScope.READ_ONLY)
        query = "{ " + ALIASES.replace("offeredAdministrations", "administrations") + " }"
        code = "FORBIDDEN"
    else:
        query = "{ " + ALIASES + " }"
        code = "UNAUTHENTICATED"
    body = await post(scenario, {"query": query}, f"refused-{who}", token)
    assert [e["extensions"]["code"] for e in body["errors"]] == [code] * 30
    lines = text_log.of_request(f"refused-{who}")
    refusals = [line for line in lines if " overdracht.errors " in line]
    assert len(refusals) == 1, lines
    assert (
        f" INFO overdracht.errors refused operation -: 30 {code} at a0, a1, a2, …: "
        in (refusals[0])
    )
    assert all(" INFO " in line for line in lines), lines  # nothing an operator pages on
    assert not any("Traceback" in line for line in lines), lines
    assert len("\n".join(lines)) < 1_000


async def test_no_request_can_write_a_line_of_its_own(scenario: Scenario, text_log: TextLog):
    forged = "2030-01-01 00:00:00,000 ERROR forged a line"
    client = scenario.server.client
    await client.get("/graphql%0A" + forged.replace(" ", "%20"))  # a path with a line break
    await client.get("/graphql%E2%80%A8" + forged.replace(" ", "%20"))  # U+2028
    named = {"query": "query Real { viewer { __typename } }", "operationName": f"x\r\n{forged}"}
    await post(scenario, named, "forger")  # an operation name that is not in the document
    lines = text_log.lines
    assert any(forged in line for line in lines)  # the values were logged, on their lines
    for line in lines:
        assert RECORD.match(line) or line.startswith("    "), line
        assert not line.startswith(forged), line
    assert any("\\n2030-01-01" in line for line in lines)  # the line break shown as \n


def test_a_json_record_is_one_line_whatever_it_holds():
    record = logging.LogRecord(
        "overdracht.access", logging.INFO, __file__, 1, "GET %s", ("/a\n\x85\u2028\u2029b",), None
    )
    line = JsonFormatter().format(record)
    assert len(line.splitlines()) == 1
    assert json.loads(line)["message"] == "GET /a\n\x85\u2028\u2029b"


def test_a_bug_is_logged_at_error_with_its_traceback_once(text_log: TextLog):
    def failed(n: int) -> GraphQLError:
        try:
            raise RuntimeError("the resolver broke")
        except RuntimeError as bug:
            return GraphQLError("the resolver broke", path=[f"a{n}"], original_error=bug)

    refused = GraphQLError("no", path=["b"], original_error=ForbiddenError("no"))
    build_schema(Settings()).process_errors([failed(0), failed(1), failed(2), refused])
    lines = text_log.lines
    records = [line for line in lines if RECORD.match(line)]
    assert len(records) == 2, lines
    assert " INFO overdracht.errors refused operation -: 1 FORBIDDEN at b: no" in records[0]
    assert " ERROR overdracht.errors unexpected error: the resolver broke" in records[1]
    traceback = lines[lines.index(records[1]) + 1 :]
    assert traceback[0] == "    Traceback (most recent call last):"
    assert traceback[-1] == "    RuntimeError: the resolver broke"
