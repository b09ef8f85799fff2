"""Every example of the documentation runs as written against a freshly seeded demo world.

The documentation is the README and every page under docs/ that holds a fenced `graphql` block
or a `curl` call of /graphql; each file runs on a demo world of its own, its examples in their
order, as a reader walks through them. Each fenced `graphql` block is sent with the demo token
the text named last before it (in prose, or in an HTML comment such as
`<!-- as ovd_demo_eva_bosman_superuser -->`), every operation of it in turn, with the variables
of the fenced `json` block that follows it when the operations take variables. A `curl` call in
a `sh` block is sent as written: its headers (the token, an Idempotency-Key) and its body. A
value the reader has to fill in is written `"<…>"`, and the PLACEHOLDERS below fill it in the
way the text tells the reader to. An example answers without errors and without userErrors,
unless the text before it says `<!-- refused: CODE, … -->`.

Two kinds of example are checked rather than run, the only exceptions: a subscription is
validated against the schema (a subscription streams until its moves end, and
tests/test_overview_changes.py and tests/test_live_progress.py run them over the WebSocket), and
so is the subscription inside the graphql-transport-ws messages a page shows as JSON lines.

The readiness answer the operations page shows is the service's own, and every relative link of
the README leads to a file (and heading) that exists; links between the docs' pages are checked
by `mkdocs build --strict`.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from graphql import OperationDefinitionNode, OperationType, parse, validate

from api.graphql import build_schema
from commands.demo import seed_demo
from mail.sink import MailSink
from overdracht.clock import MovableClock
from overdracht.settings import Settings
from tests.live_server import LiveServer, start_server
from worker.dispatcher import MailDispatcher

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _has_examples(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return "```graphql" in text or "curl " in text


# The markdown files whose examples are run: the README and every docs page that holds one.
DOCUMENTS = [README, *sorted(page for page in (ROOT / "docs").rglob("*.md") if _has_examples(page))]

FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[ \t]*$")
TOKEN = re.compile(r"\bovd_demo_[a-z0-9_]+")
REFUSED = re.compile(r"<!--\s*refused:\s*([A-Z_, ]+?)\s*-->")
PLACEHOLDER = re.compile(r"^<(.+)>$")
# How long a reader takes over one example.
READING = timedelta(minutes=1)
TRANSFER_CODE = re.compile(r"\b[2-9A-Z]{4}(?:-[2-9A-Z]{4}){4}\b")


@dataclass(frozen=True)
class Block:
    """A fenced block of a markdown file, with the text before it since the previous block."""

    language: str
    text: str
    line: int
    before: str
    preceding: str


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of a markdown file, their indentation taken off."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i, last_end = 0, 0
    while i < len(lines):
        opened = FENCE.match(lines[i])
        if opened is None:
            i += 1
            continue
        indent = len(opened["indent"])
        body: list[str] = []
        j = i + 1
        while j < len(lines) and FENCE.match(lines[j]) is None:
            body.append(lines[j][indent:])
            j += 1
        found.append(
            Block(
                language=opened["lang"],
                text="\n".join(body),
                line=i + 1,
                before="\n".join(lines[:i]),
                preceding="\n".join(lines[last_end:i]),
            )
        )
        i = last_end = j + 1
    return found


@dataclass(frozen=True)
class Example:
    """One graphql block: where it is, what it sends, as whom, and what refusal it expects."""

    where: str
    query: str
    variables: Any
    token: str
    refused: frozenset[str]
    headers: dict[str, str] = field(default_factory=dict)
    operation_name: str | None = None


CURL_URL = re.compile(r"^https?://[^/]+(?P<path>/\S*)$")


def curl_calls(block: Block) -> list[list[str]]:
    """The `curl` commands of a shell block, each as its arguments, continued lines joined."""
    text = re.sub(r"\\\n", " ", block.text)
    calls = []
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["curl"]:
            calls.append(words[1:])
    return calls


def curl_example(where: str, arguments: list[str], refused: frozenset[str]) -> Example:
    """A `curl` call of /graphql as an example: its headers, its token and its JSON body."""
    headers: dict[str, str] = {}
    body, path = None, None
    words = iter(arguments)
    for word in words:
        if word in ("-H", "--header"):
            name, _, value = next(words).partition(":")
            headers[name.strip()] = value.strip()
        elif word in ("-d", "--data", "--data-raw"):
            body = json.loads(next(words))
        elif found := CURL_URL.match(word):
            path = found["path"]
    assert path == "/graphql", f"{where}: a curl example calls /graphql"
    assert body is not None, f"{where}: a curl example sends its body with -d"
    authorization = headers.pop("Authorization", "")
    tokens = TOKEN.findall(authorization)
    assert tokens, f"{where}: a curl example sends a demo token"
    headers.pop("Content-Type", None)
    return Example(
        where,
        body["query"],
        body.get("variables"),
        tokens[0],
        refused,
        headers,
        body.get("operationName"),
    )


def shown_name(path: Path) -> str:
    """The file as a failure names it: its path in the repository, or its name elsewhere."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def examples(path: Path) -> list[Example]:
    """The file's graphql blocks and curl calls as examples, in their order."""
    found = blocks(path)
    result = []
    for index, block in enumerate(found):
        where = f"{shown_name(path)}:{block.line}"
        if block.language == "sh":
            refused = REFUSED.findall(block.preceding)
            codes = {c.strip() for listed in refused for c in listed.split(",") if c.strip()}
            for arguments in curl_calls(block):
                if any(CURL_URL.match(word) for word in arguments):
                    result.append(curl_example(where, arguments, frozenset(codes)))
            continue
        if block.language != "graphql":
            continue
        tokens = TOKEN.findall(block.before)
        assert tokens, f"{where}: no demo token is named before this example"
        variables = None
        operations = [
            d for d in parse(block.text).definitions if isinstance(d, OperationDefinitionNode)
        ]
        if any(op.variable_definitions for op in operations):
            following = found[index + 1] if index + 1 < len(found) else None
            assert following is not None and following.language == "json", (
                f"{where}: its variables must follow in a json block"
            )
            variables = json.loads(following.text)
        refused = REFUSED.findall(block.preceding)
        codes = {c.strip() for listed in refused for c in listed.split(",") if c.strip()}
        result.append(Example(where, block.text, variables, tokens[-1], frozenset(codes)))
    return result


@dataclass
class Walk:
    """The demo world as a reader walks through it: the service, its mail, what came back."""

    server: LiveServer
    settings: Settings
    clock: MovableClock
    sink: MailSink
    answers: list[dict[str, Any]] = field(default_factory=list)

    async def ask(self, query: str, token: str, variables: Any = None) -> dict[str, Any]:
        body = await self.server.graphql(query, variables, token=token)
        assert "errors" not in body, body
        return body["data"]

    def answered(self, *path: str) -> Any:
        """The value at this path of the latest answer that has it."""
        for answer in reversed(self.answers):
            value: Any = answer
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None:
                return value
        pytest.fail(f"no example answered {'.'.join(path)} yet")


async def administration_id(walk: Walk, token: str, code: str) -> str:
    """`administrations` as the reader would search it, by the administration's code."""
    data = await walk.ask(
        "query($s: String) { administrations(search: $s) { nodes { id code } } }",
        token,
        {"s": code},
    )
    [found] = [n["id"] for n in data["administrations"]["nodes"] if n["code"] == code]
    return found


async def connection_id(walk: Walk, token: str) -> str:
    """The Exact Online connection of the reader's office, from `accountingConnections`."""
    data = await walk.ask(
        "{ accountingConnections(package: EXACT_ONLINE) { nodes { id } } }", token
    )
    return str(data["accountingConnections"]["nodes"][0]["id"])


async def offered_id(walk: Walk, token: str, code: str) -> str:
    """A row's `id` in the reader's overview: what the office offered, or was offered."""
    for overview in ("offeredAdministrations", "receivableAdministrations"):
        rows = "{ nodes { id administrationCode } }"
        query = f"query($s: String) {{ {overview}(search: $s) {rows} }}"
        data = await walk.ask(query, token, {"s": code})
        rows = [n["id"] for n in data[overview]["nodes"] if n["administrationCode"] == code]
        if rows:
            return str(rows[0])
    pytest.fail(f"{code} is in no overview of the reader's")


async def code_from_the_mail(walk: Walk, token: str) -> str:
    """The transfer code as a recipient reads it in the offer mail."""
    await MailDispatcher(walk.settings, walk.clock).deliver_due()
    for received in reversed(walk.sink.messages):
        body = received.message.get_body(("plain",))
        assert body is not None
        if found := TRANSFER_CODE.search(body.get_content()):
            return found.group()
    pytest.fail("no mail with a transfer code was sent")


async def the_offers_id(walk: Walk, token: str) -> str:
    return str(walk.answered("offerMigration", "migration", "id"))


async def fifteen_days_from_now(walk: Walk, token: str) -> str:
    """As `date -u -d '+15 days'` prints it: the latest moment an extension may name."""
    return (walk.clock.now() + timedelta(days=15)).strftime("%Y-%m-%dT%H:%M:%SZ")


Fill = Callable[[Walk, str], Awaitable[str]]
PLACEHOLDERS: dict[str, Fill] = {
    "id of the Exact Online connection": connection_id,
    "the offer's id": the_offers_id,
    "the transfer code from the mail": code_from_the_mail,
    "15 days from now": fifteen_days_from_now,
}
# Placeholders naming an administration by its code.
BY_CODE: dict[re.Pattern[str], Callable[[Walk, str, str], Awaitable[str]]] = {
    re.compile(r"id of (\d+)"): administration_id,
    re.compile(r"id of the offered (\d+)"): offered_id,
}


async def filled(value: Any, walk: Walk, example: Example) -> Any:
    """The variables with every `"<…>"` filled in as the text tells the reader to."""
    if isinstance(value, dict):
        return {key: await filled(item, walk, example) for key, item in value.items()}
    if isinstance(value, list):
        return [await filled(item, walk, example) for item in value]
    if isinstance(value, str) and (wanted := PLACEHOLDER.match(value)):
        name = wanted[1]
        if name in PLACEHOLDERS:
            return await PLACEHOLDERS[name](walk, example.token)
        for pattern, fill in BY_CODE.items():
            if by_code := pattern.fullmatch(name):
                return await fill(walk, example.token, by_code[1])
        pytest.fail(f"{example.where}: nothing fills in {value}; add it to PLACEHOLDERS")
    return value


def user_errors(data: Any) -> list[dict[str, Any]]:
    """Every userError anywhere in an answer."""
    if isinstance(data, dict):
        found = list(data.get("userErrors") or [])
        for key, item in data.items():
            if key != "userErrors":
                found += user_errors(item)
        return found
    if isinstance(data, list):
        return [error for item in data for error in user_errors(item)]
    return []


def test_an_example_is_sent_as_the_token_named_last_with_the_variables_after_it(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "With Anna's token (`ovd_demo_anna_vandijk_superuser`):\n\n"
        "```graphql\n{ viewer { tokenScope } }\n```\n\n"
        "Eva (`ovd_demo_eva_bosman_superuser`) is refused:\n<!-- refused: EXPIRED, WITHDRAWN -->\n"
        "1. a list item:\n\n   ```graphql\n   query($c: String!) { a(c: $c) }\n   ```\n\n"
        '   ```json\n   {"c": "<the transfer code from the mail>"}\n   ```\n',
        encoding="utf-8",
    )
    first, second = examples(page)
    assert (first.where, first.token, first.variables, first.refused) == (
        "page.md:3",
        "ovd_demo_anna_vandijk_superuser",
        None,
        frozenset(),
    )
    assert (second.token, second.variables, second.refused) == (
        "ovd_demo_eva_bosman_superuser",
        {"c": "<the transfer code from the mail>"},
        {"EXPIRED", "WITHDRAWN"},
    )
    assert second.query == "query($c: String!) { a(c: $c) }"


def test_a_curl_call_is_sent_with_its_headers_and_body(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- refused: UNKNOWN_RECIPIENT -->\n```sh\n"
        "curl -s http://127.0.0.1:8000/graphql \\\n"
        "  -H 'Authorization: Bearer ovd_demo_anna_vandijk_superuser' \\\n"
        "  -H 'Idempotency-Key: k-1' -H 'Content-Type: application/json' \\\n"
        """  -d '{"query": "mutation { a(i: {l: \\"x\\"}) { b } }"}'\n"""
        "```\n",
        encoding="utf-8",
    )
    [call] = examples(page)
    assert (call.where, call.token, call.headers, call.refused) == (
        "page.md:2",
        "ovd_demo_anna_vandijk_superuser",
        {"Idempotency-Key": "k-1"},
        {"UNKNOWN_RECIPIENT"},
    )
    assert call.query == 'mutation { a(i: {l: "x"}) { b } }'


def test_every_page_with_an_example_is_run():
    names = {shown_name(document) for document in DOCUMENTS}
    # The README, the walk-through and the API's reference pages at the least.
    assert {"README.md", "docs/api/walkthrough.md", "docs/api/errors.md"} <= names, names
    counted = {shown_name(document): len(examples(document)) for document in DOCUMENTS}
    assert all(counted.values()), counted
    assert sum(counted.values()) >= 20, counted


@pytest.mark.parametrize("document", DOCUMENTS, ids=shown_name)
async def test_every_example_runs_as_written_against_the_demo_world(
    document, db, mail_settings, clock, files, smtp_server
):
    await seed_demo(mail_settings, clock, files)
    schema = build_schema(mail_settings)._schema
    async with start_server(mail_settings, clock, files) as server:
        walk = Walk(server, mail_settings, clock, smtp_server)
        for example in examples(document):
            # A reader takes a while over each example; the service's clock moves with them.
            clock.advance(READING)
            assert '"<' not in example.query, f"{example.where}: fill-ins go in the variables"
            operations = [
                d
                for d in parse(example.query).definitions
                if isinstance(d, OperationDefinitionNode)
                and example.operation_name in (None, d.name and d.name.value)
            ]
            runs = [op for op in operations if op.operation != OperationType.SUBSCRIPTION]
            # A subscription only is checked, so its fill-ins need no earlier answer.
            variables = await filled(example.variables, walk, example) if runs else None
            for operation in operations:
                name = operation.name.value if operation.name else None
                if operation.operation == OperationType.SUBSCRIPTION:
                    problems = validate(schema, parse(example.query))
                    assert problems == [], (example.where, name, problems)
                    continue
                response = await server.client.post(
                    "/graphql",
                    json={"query": example.query, "variables": variables, "operationName": name},
                    headers={"Authorization": f"Bearer {example.token}", **example.headers},
                )
                body = response.json()
                assert "errors" not in body, (example.where, name, body["errors"])
                codes = {error["code"] for error in user_errors(body["data"])}
                assert codes == example.refused, (example.where, name, body["data"])
                walk.answers.append(body["data"])


def protocol_messages(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The graphql-transport-ws messages a page shows: json blocks of one message per line."""
    found = []
    for block in blocks(path):
        lines = block.text.splitlines()
        if block.language != "json" or '"connection_init"' not in block.text:
            continue
        for offset, line in enumerate(lines, start=1):
            found.append((f"{shown_name(path)}:{block.line + offset}", json.loads(line)))
    return found


def test_the_subscriptions_sent_on_the_wire_are_valid(mail_settings):
    schema = build_schema(mail_settings)._schema
    shown = [message for document in DOCUMENTS for message in protocol_messages(document)]
    assert {message["type"] for _, message in shown} >= {"connection_init", "subscribe"}
    for where, message in shown:
        if message["type"] == "connection_init":
            assert TOKEN.search(message["payload"]["Authorization"]), where
        if message["type"] == "subscribe":
            problems = validate(schema, parse(message["payload"]["query"]))
            assert problems == [], (where, problems)


def readiness_in_the_docs() -> Any:
    """The answer of /readyz as the operations page shows it."""
    page = ROOT / "docs" / "operations" / "index.md"
    text = " ".join(page.read_text(encoding="utf-8").split())
    shown = re.search(r"`GET /readyz` answers 200 `(\{.*?\}\})`", text)
    assert shown is not None, "the operations page shows what /readyz answers"
    return json.loads(shown[1])


async def test_the_readiness_answer_is_the_one_the_docs_show(db, mail_settings, clock, files):
    running = mail_settings.with_overrides(background_jobs=True)
    async with start_server(running, clock, files) as server:
        response = await server.client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == readiness_in_the_docs()


LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")


def heading_anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a markdown file's headings (outside fenced blocks)."""
    anchors, fenced = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"#+\s+(.*)", line)):
            words = re.sub(r"[^\w\- ]", "", heading[1].strip().lower())
            anchors.add(words.replace(" ", "-"))
    return anchors


def test_every_relative_link_of_the_readme_leads_somewhere():
    text = README.read_text(encoding="utf-8")
    links = [found["target"] for found in LINK.finditer(text)]
    relative = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert len(relative) >= 10, relative
    for link in relative:
        path, _, anchor = link.partition("#")
        target = (ROOT / path).resolve() if path else README
        assert target.exists(), f"README links to {link}, which does not exist"
        assert target.is_relative_to(ROOT), link
        if anchor:
            assert target.suffix == ".md", link
            assert anchor in heading_anchors(target), f"README links to {link}: no such heading"
