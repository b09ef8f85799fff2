"""A frontend on another origin may call the API only when OVERDRACHT_CORS_ORIGINS lists it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
import websockets
from websockets.exceptions import InvalidStatus

from overdracht.settings import ConfigurationError, load_settings
from tests.live_server import LiveServer, start_server

FRONTEND = "https://kantoor.example:5173"
ELSEWHERE = "https://elders.example"
PUBLIC_URL = "https://overdracht.example"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, idempotency-key, accept",
}


@pytest.fixture
async def listed(settings, clock, files) -> AsyncIterator[LiveServer]:
    """The service with one frontend listed, and a public URL of its own."""
    configured = settings.with_overrides(cors_origins=(FRONTEND,), public_url=PUBLIC_URL)
    async with start_server(configured, clock, files) as live:
        yield live


@pytest.fixture
async def token(factory) -> str:
    env = await factory.environment()
    return await factory.token(await factory.user(env))


def cors_headers(response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.lower().startswith("access-control-")}


def listed_in(response, header: str) -> set[str]:
    return {part.strip().lower() for part in response.headers.get(header, "").split(",")}


def varies_by_origin(response) -> bool:
    return "origin" in listed_in(response, "vary")


def test_the_origins_are_read_exactly_and_a_wildcard_or_a_path_is_refused():
    settings = load_settings(
        {"OVERDRACHT_CORS_ORIGINS": " https://App.Example:443/ , http://localhost:5173,"}
    )
    assert settings.cors_origins == ("https://app.example", "http://localhost:5173")
    assert load_settings({}).cors_origins == ()
    for bad in (
        "*",
        "https://app.example/screens",
        "app.example",
        "ftp://app.example",
        "https://app.example?x=1",
        "https://user@app.example",
    ):
        with pytest.raises(ConfigurationError, match="OVERDRACHT_CORS_ORIGINS"):
            load_settings({"OVERDRACHT_CORS_ORIGINS": bad})


async def test_without_a_list_no_origin_gets_a_cors_header(server, token):
    preflight = await server.client.options("/graphql", headers={"Origin": FRONTEND, **PREFLIGHT})
    assert preflight.status_code == 405
    assert cors_headers(preflight) == {}
    answer = await server.client.post(
        "/graphql",
        json={"query": "{ viewer { tokenScope } }"},
        headers={"Origin": FRONTEND, "Authorization": f"Bearer {token}"},
    )
    assert answer.json() == {"data": {"viewer": {"tokenScope": "FULL"}}}
    assert cors_headers(answer) == {}


async def test_a_listed_frontend_gets_its_preflight_and_reads_the_answer(listed, token):
    preflight = await listed.client.options("/graphql", headers={"Origin": FRONTEND, **PREFLIGHT})
    assert preflight.status_code == 200, preflight.text
    assert preflight.headers["access-control-allow-origin"] == FRONTEND
    assert {"get", "post"} <= listed_in(preflight, "access-control-allow-methods")
    allowed = listed_in(preflight, "access-control-allow-headers")
    assert {"authorization", "content-type", "idempotency-key", "accept"} <= allowed
    assert "access-control-allow-credentials" not in preflight.headers  # tokens, no cookies
    assert varies_by_origin(preflight)

    answer = await listed.client.post(
        "/graphql",
        json={"query": "{ viewer { tokenScope } }"},
        headers={"Origin": FRONTEND, "Authorization": f"Bearer {token}"},
    )
    assert answer.json() == {"data": {"viewer": {"tokenScope": "FULL"}}}
    assert answer.headers["access-control-allow-origin"] == FRONTEND
    assert "x-request-id" in answer.headers["access-control-expose-headers"].lower()
    assert varies_by_origin(answer)

    download = await listed.client.options(
        "/documents/1/file",
        headers={
            "Origin": FRONTEND,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert download.status_code == 200
    assert download.headers["access-control-allow-origin"] == FRONTEND


async def test_an_origin_not_listed_gets_no_cors_header_at_all(listed, token):
    preflight = await listed.client.options("/graphql", headers={"Origin": ELSEWHERE, **PREFLIGHT})
    assert preflight.status_code == 405
    assert cors_headers(preflight) == {}
    answer = await listed.client.post(
        "/graphql",
        json={"query": "{ viewer { tokenScope } }"},
        headers={"Origin": ELSEWHERE, "Authorization": f"Bearer {token}"},
    )
    assert cors_headers(answer) == {}
    assert varies_by_origin(answer)  # a cache keeps the listed origin's answer apart
    download = await listed.client.get("/documents/1/file", headers={"Origin": ELSEWHERE})
    assert cors_headers(download) == {}


async def test_the_screens_answer_no_other_origin_even_a_listed_one(listed):
    page = await listed.client.get("/", headers={"Origin": FRONTEND})
    assert cors_headers(page) == {}
    preflight = await listed.client.options(
        "/healthz", headers={"Origin": FRONTEND, "Access-Control-Request-Method": "GET"}
    )
    assert cors_headers(preflight) == {}


async def socket_answer(server: LiveServer, token: str, origin: str | None) -> dict:
    """Open the WebSocket from a page on `origin` (None: no browser) and run one query."""
    url = server.base_url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(
        url, subprotocols=["graphql-transport-ws"], origin=origin
    ) as socket:
        await socket.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        )
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(
            json.dumps(
                {"id": "1", "type": "subscribe", "payload": {"query": "{ viewer { tokenScope } }"}}
            )
        )
        return json.loads(await socket.recv())


async def test_a_socket_from_an_origin_not_listed_is_refused_at_the_handshake(listed, token):
    with pytest.raises(InvalidStatus) as refused:
        await socket_answer(listed, token, ELSEWHERE)
    assert refused.value.response.status_code == 403
    for origin in (FRONTEND, PUBLIC_URL, listed.base_url, None):
        answer = await socket_answer(listed, token, origin)
        assert answer["payload"] == {"data": {"viewer": {"tokenScope": "FULL"}}}, origin


async def test_without_a_list_a_socket_from_any_page_may_connect(server, token):
    answer = await socket_answer(server, token, ELSEWHERE)
    assert answer["payload"] == {"data": {"viewer": {"tokenScope": "FULL"}}}
