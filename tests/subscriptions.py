"""A graphql-transport-ws client for progress subscriptions, for the tests and the benchmark."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

SUBSCRIBE = """
subscription($id: ID!) {
  migrationProgress(migrationId: $id) {
    administrations {
      nodes { administrationName status expiresAt progress { documentsDone documentsTotal } }
    }
  }
}"""


class Client:
    """A graphql-transport-ws client, just enough to subscribe and read messages."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket

    async def send(self, message: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(message))

    async def subscribe(
        self, migration_id: str, operation: str = "1", query: str = SUBSCRIBE
    ) -> None:
        payload = {"query": query, "variables": {"id": migration_id}}
        await self.send({"id": operation, "type": "subscribe", "payload": payload})

    async def receive(self, timeout: float = 20) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(
            await asyncio.wait_for(self.socket.recv(), timeout=timeout)
        )
        return message

    async def next_rows(self, timeout: float = 20) -> list[dict[str, Any]] | None:
        """The administrations of the next message, or None when the subscription completed."""
        message = await self.receive(timeout)
        if message["type"] == "complete":
            return None
        assert message["type"] == "next", message
        rows: list[dict[str, Any]] = message["payload"]["data"]["migrationProgress"][
            "administrations"
        ]["nodes"]
        return rows


async def connect(base_url: str, token: str | None) -> tuple[Any, Client]:
    """An open socket to the service's /graphql with the token in connection_init."""
    url = base_url.replace("http://", "ws://") + "/graphql"
    socket = await websockets.connect(url, subprotocols=["graphql-transport-ws"])
    client = Client(socket)
    payload = {"Authorization": f"Bearer {token}"} if token else {}
    await client.send({"type": "connection_init", "payload": payload})
    return socket, client


async def subscribed(base_url: str, token: str, migration_id: str) -> tuple[Any, Client]:
    """A socket acknowledged and subscribed to the offer's progress, its first message read."""
    socket, client = await connect(base_url, token)
    ack = await client.receive()
    assert ack["type"] == "connection_ack", ack
    await client.subscribe(migration_id)
    assert await client.next_rows() is not None
    return socket, client
