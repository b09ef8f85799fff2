"""One bounded fuzz run: seed a database, serve it, send generated requests, count what breaks.

A request counts as a finding when the answer is a 5xx or holds an error masked as
"Unexpected error." (a bug behind the API); every other answer, refusals included, is fine.
The run stops after the requested number of requests or when its time is up, whichever
comes first.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given
from hypothesis import seed as hypothesis_seed
from hypothesis import settings as hypothesis_settings

from fuzzing.cases import FuzzRequest, encode, fuzz_requests
from fuzzing.server import serve
from fuzzing.world import (
    ROLES,
    World,
    issue_token,
    offerable_administration_ids,
    open_world,
    refresh_pools,
)
from models.terms import VERSION as TERMS_VERSION
from overdracht.db import close_database
from overdracht.settings import Settings

UNEXPECTED = "Unexpected error."
REFRESH_EVERY = 200
MAX_FINDINGS_KEPT = 20

# Offers made before the run, so transfer codes, offers and their items exist to be found.
OFFER = """mutation($input: OfferMigrationInput!) {
  offerMigration(input: $input) { migration { id } userErrors { code } } }"""


@dataclass
class Finding:
    """A request the service answered with a 5xx or an unexpected error."""

    status: int
    response: str
    request: dict[str, Any]


@dataclass
class Figures:
    """What a run did and found; docs/security.md quotes these."""

    requests: int = 0
    server_errors: int = 0
    unexpected_errors: int = 0
    tokens_reissued: int = 0
    seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    operations: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """No 5xx and no unexpected error."""
        return self.server_errors == 0 and self.unexpected_errors == 0

    def as_json(self) -> dict[str, Any]:
        """The figures as a report file holds them."""
        return {**asdict(self), "clean": self.clean}


class _TimeUp(BaseException):
    """Ends hypothesis's loop when the time is up; not an Exception, so it is not shrunk."""


class Fuzzer:
    """Sends requests to a running service and keeps the figures."""

    def __init__(self, client: httpx.Client, world: World, runner: asyncio.Runner) -> None:
        self.client = client
        self.world = world
        self.runner = runner
        self.figures = Figures()
        self._seen: set[tuple[str, int, str]] = set()

    def send(self, request: FuzzRequest) -> None:
        """One request, counted and judged; a revoked token of the run is replaced."""
        token = self.world.tokens.get(request.role) if request.role else None
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self._call(request, headers)
        figures = self.figures
        figures.requests += 1
        figures.statuses[response.status_code] = figures.statuses.get(response.status_code, 0) + 1
        figures.operations[request.label] = figures.operations.get(request.label, 0) + 1
        errors = _errors(response)
        unexpected = sum(1 for error in errors if error.get("message") == UNEXPECTED)
        figures.unexpected_errors += unexpected
        if response.status_code >= 500:
            figures.server_errors += 1
        if response.status_code >= 500 or unexpected:
            self._keep(request, response)
        codes = {(error.get("extensions") or {}).get("code") for error in errors}
        if request.role and "UNAUTHENTICATED" in codes:
            role = next(role for role in ROLES if role.name == request.role)
            self.world.tokens[role.name] = self.runner.run(issue_token(role))
            figures.tokens_reissued += 1
        if figures.requests % REFRESH_EVERY == 0:
            self.runner.run(refresh_pools(self.world))

    def _call(self, request: FuzzRequest, headers: dict[str, str]) -> httpx.Response:
        if request.method == "GET":
            params = {"query": request.query}
            if request.variables is not None:
                params["variables"] = json.dumps(request.variables)
            try:
                "".join(params.values()).encode()
            except UnicodeEncodeError:
                pass  # a URL cannot carry a lone surrogate; such a request goes by POST
            else:
                headers = {**headers, "Accept": "application/json"}
                return self.client.get("/graphql", params=params, headers=headers)
        headers = {**headers, "Content-Type": "application/json"}
        return self.client.post("/graphql", content=encode(request), headers=headers)

    def _keep(self, request: FuzzRequest, response: httpx.Response) -> None:
        key = (request.label, response.status_code, response.text[:120])
        if key in self._seen or len(self.figures.findings) >= MAX_FINDINGS_KEPT:
            return
        self._seen.add(key)
        self.figures.findings.append(
            Finding(response.status_code, response.text[:2000], request.as_json())
        )


def _errors(response: httpx.Response) -> list[dict[str, Any]]:
    try:
        body = response.json()
    except ValueError:
        return []
    errors = body.get("errors") if isinstance(body, dict) else None
    return [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []


def offer(client: httpx.Client, world: World, administration_id: str) -> None:
    """Anna offers an administration to Eva, as the docs' walk-through does."""
    variables = {
        "input": {
            "administrationIds": [administration_id],
            "recipients": ["eva@bosman.example"],
            "acknowledgeUsersDoNotMove": True,
            "acceptTerms": True,
            "termsVersion": TERMS_VERSION,
        }
    }
    client.post(
        "/graphql",
        json={"query": OFFER, "variables": variables},
        headers={"Authorization": f"Bearer {world.tokens['superuser']}"},
    )


def drive(fuzzer: Fuzzer, *, requests: int, seconds: float, seed: int) -> Figures:
    """Let hypothesis draw requests from the schema until either bound is reached."""
    started = time.monotonic()
    deadline = started + seconds

    @hypothesis_seed(seed)
    @hypothesis_settings(
        max_examples=requests,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzz_requests(fuzzer.world, [role.name for role in ROLES], seed))
    def fuzz(request: FuzzRequest) -> None:
        if time.monotonic() >= deadline or fuzzer.figures.requests >= requests:
            raise _TimeUp
        fuzzer.send(request)

    with contextlib.suppress(_TimeUp):
        fuzz()
    fuzzer.figures.seconds = round(time.monotonic() - started, 1)
    return fuzzer.figures


def run_fuzz(
    settings: Settings, *, requests: int, seconds: float, seed: int, log_path: Path
) -> Figures:
    """Seed the settings' database, serve it and fuzz /graphql within both bounds."""
    with asyncio.Runner() as runner:
        runner.run(open_world(settings))
        try:
            world = World()
            for role in ROLES:
                world.tokens[role.name] = runner.run(issue_token(role))
            with (
                serve(settings, log_path) as base_url,
                httpx.Client(base_url=base_url, timeout=60) as client,
            ):
                for administration_id in runner.run(offerable_administration_ids()):
                    offer(client, world, administration_id)
                runner.run(refresh_pools(world))
                fuzzer = Fuzzer(client, world, runner)
                return drive(fuzzer, requests=requests, seconds=seconds, seed=seed)
        finally:
            runner.run(close_database())
