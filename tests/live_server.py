"""The real app served by uvicorn on a loopback port, so tests speak HTTP to it as users do."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette

from api.app import create_app
from overdracht.clock import MovableClock
from overdracht.filestore import FileStore
from overdracht.settings import Settings


def free_port() -> int:
    """A loopback port nothing listens on, for one more server in a test."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def held_port() -> Iterator[int]:
    """A loopback port another program listens on for the length of the block."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@dataclass
class LiveServer:
    """A running service and an HTTP client pointed at it."""

    base_url: str
    client: httpx.AsyncClient
    # The app when it runs in this process; None for a service in a process of its own.
    app: Starlette | None = None

    async def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
    ) -> dict[str, Any]:
        """POST a GraphQL request and return the decoded JSON body."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.headers["content-type"].startswith("application/json"), response.text
        return response.json()


@contextlib.asynccontextmanager
async def start_server(
    settings: Settings, clock: MovableClock, files: FileStore
) -> AsyncIterator[LiveServer]:
    """Serve the real app on a free loopback port until the block ends."""
    app = create_app(settings, clock=clock, files=files, manage_database=False)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    task = asyncio.create_task(uv.serve())
    while not uv.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    base_url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        yield LiveServer(base_url=base_url, client=client, app=app)
    uv.should_exit = True
    await task
