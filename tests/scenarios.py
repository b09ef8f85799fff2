"""A migration's story driven the way its users drive it: offer, preview, claim, reject, move.

`Scenario` is both offices of a migration (the `scenario` fixture builds them) and the GraphQL
calls each side makes; `bring_to` takes an offered administration into any status by the real
steps; `wait_until` waits for what another process or task does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from strawberry import relay

from api.ids import encode_global_id
from models import (
    AccountingConnection,
    Administration,
    Document,
    Environment,
    MigrationAdministration,
    User,
)
from models.enums import MigrationStatus
from models.terms import VERSION as TERMS_VERSION
from overdracht.clock import MovableClock
from tests.documents import CLAIM, OFFER, PREVIEW, REJECT, WITHDRAW
from tests.live_server import LiveServer
from worker.expiry import OfferExpiry
from worker.move import HeldMove
from worker.mover import Mover

if TYPE_CHECKING:
    from tests.conftest import Factory

TARGET_SUPERUSER = "eva@bosman.example"
RECEIVED = frozenset(
    {
        MigrationStatus.QUEUED,
        MigrationStatus.RUNNING,
        MigrationStatus.COMPLETED,
        MigrationStatus.FAILED,
    }
)
"""The statuses of an administration the target office has claimed."""


def gid(type_name: str, obj: Any) -> str:
    """The global ID of a model instance."""
    return encode_global_id(type_name, obj.pk)


def pk_of(global_id: str) -> int:
    """The database ID inside a global ID the API returned."""
    return int(relay.GlobalID.from_id(global_id).node_id)


def codes(payload: dict[str, Any]) -> list[str]:
    """The userError codes of a mutation payload."""
    return [e["code"] for e in payload["userErrors"]]


def preview_of(body: dict[str, Any], name: str = "transferCodePreview") -> dict[str, Any]:
    """The offer a code opens, from an answer that must have opened one."""
    assert "errors" not in body, body
    result = body["data"][name]
    assert result["userErrors"] == [], body
    return result["preview"]


def refusal_of(body: dict[str, Any], name: str = "transferCodePreview") -> tuple[str, str | None]:
    """The code of a refused preview, and when it may be tried again; nothing was previewed."""
    assert "errors" not in body, body
    result = body["data"][name]
    assert result["preview"] is None, body
    [error] = result["userErrors"]
    return error["code"], error["retryAt"]


@dataclass
class Scenario:
    """Both offices of a migration, and the GraphQL calls each side makes."""

    server: LiveServer
    factory: Factory
    source: Environment
    superuser: User
    token: str
    clerk: User
    clerk_token: str
    exact: AccountingConnection
    ready: list[Administration]
    target: Environment
    target_superuser: User
    target_token: str
    target_exact: AccountingConnection

    async def graphql(
        self, query: str, variables: dict[str, Any] | None, token: str
    ) -> dict[str, Any]:
        """Send a request as the holder of the token."""
        return await self.server.graphql(query, variables, token=token)

    def offer_input(self, administrations: list[Any] | None = None, **overrides: Any) -> dict:
        """The input of an offer the checks accept, of the ready administrations by default."""
        data: dict[str, Any] = {
            "administrationIds": [
                gid("Administration", a) for a in (administrations or self.ready)
            ],
            "recipients": [TARGET_SUPERUSER],
            "acknowledgeUsersDoNotMove": True,
            "acceptTerms": True,
            "termsVersion": TERMS_VERSION,
        }
        data.update(overrides)
        return {"input": data}

    async def offer_payload(self, token: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Call offerMigration and return its payload, whatever it says."""
        body = await self.graphql(OFFER, self.offer_input(**kwargs), token or self.token)
        assert "errors" not in body, body
        return body["data"]["offerMigration"]

    async def offer(self, **kwargs: Any) -> dict[str, Any]:
        """Offer and return the new migration; the offer must succeed."""
        payload = await self.offer_payload(**kwargs)
        assert payload["userErrors"] == [], payload
        return payload["migration"]

    @staticmethod
    def items(migration: dict[str, Any]) -> list[str]:
        """The IDs of the offered administrations of a migration the API returned."""
        return [n["id"] for n in migration["administrations"]["nodes"]]

    async def preview(self, code: str) -> dict[str, Any]:
        """What the target's superuser sees on entering a transfer code: the whole answer."""
        return await self.graphql(PREVIEW, {"code": code}, self.target_token)

    async def claim(
        self,
        code: str,
        item_ids: list[str],
        *,
        connection: AccountingConnection | None = None,
        administration_code: str | None = None,
        accept_terms: bool = True,
        accept_costs: bool = True,
        terms_version: str = TERMS_VERSION,
        token: str | None = None,
        not_before: str | None = None,
    ) -> dict[str, Any]:
        """Claim offered administrations into a connection of the target; the payload."""
        choices = [
            {
                "migrationAdministrationId": item_id,
                "connectionId": gid("AccountingConnection", connection or self.target_exact),
                "administrationCode": administration_code,
                **({"notBefore": not_before} if not_before else {}),
            }
            for item_id in item_ids
        ]
        variables = {
            "input": {
                "transferCode": code,
                "acceptTerms": accept_terms,
                "termsVersion": terms_version,
                "acceptCosts": accept_costs,
                "administrations": choices,
            }
        }
        body = await self.graphql(CLAIM, variables, token or self.target_token)
        assert "errors" not in body, body
        return body["data"]["claimMigration"]

    async def reject(self, code: str, item_ids: list[str], reason: str | None = None) -> dict:
        """Reject offered administrations as the target's superuser; the payload."""
        variables = {
            "input": {
                "transferCode": code,
                "migrationAdministrationIds": item_ids,
                "reason": reason,
            }
        }
        body = await self.graphql(REJECT, variables, self.target_token)
        assert "errors" not in body, body
        return body["data"]["rejectMigration"]


@dataclass
class Case:
    """One administration brought into a status, with what its steps need."""

    scenario: Scenario
    engine: Mover
    migration: dict[str, Any]
    item_id: str
    held: HeldMove | None = None

    @property
    def pk(self) -> int:
        """The database ID of the offered administration."""
        return pk_of(self.item_id)

    async def item(self) -> MigrationAdministration:
        """The offered administration as it is now."""
        return await MigrationAdministration.get(pk=self.pk)

    async def damage_files(self) -> None:
        """Make every file of the administration fail its check, so the move fails."""
        item = await self.item()
        files = self.engine.files
        for doc in await Document.filter(administration_id=item.administration_id):  # type: ignore[attr-defined]
            (files.root / doc.storage_key[:2] / doc.storage_key[2:4] / doc.storage_key).write_bytes(
                b"tampered"
            )

    async def mutate(self, name: str, field: str, value: str, token: str) -> list[str]:
        """A release or retry mutation on this administration; its userError codes."""
        body = await self.scenario.graphql(
            f"mutation($i: {name[0].upper()}{name[1:]}Input!) "
            f"{{ {name}(input: $i) {{ userErrors {{ code }} }} }}",
            {"i": {field: value}},
            token,
        )
        assert "errors" not in body, body
        return codes(body["data"][name])


async def bring_to(
    status: MigrationStatus,
    scenario: Scenario,
    engine: Mover,
    clock: MovableClock,
    administrations: list[Administration] | None = None,
) -> Case:
    """Bring the first administration of a new offer into a status by the real steps."""
    migration = await scenario.offer(administrations=administrations)
    case = Case(scenario, engine, migration, scenario.items(migration)[0])
    code = migration["transferCode"]
    if status == MigrationStatus.WITHDRAWN:
        variables = {
            "input": {"migrationId": migration["id"], "migrationAdministrationId": case.item_id}
        }
        await scenario.graphql(WITHDRAW, variables, scenario.token)
    elif status == MigrationStatus.EXPIRED:
        clock.advance(timedelta(days=15))
        await OfferExpiry(engine.settings, clock).run_once()
    elif status == MigrationStatus.REJECTED:
        await scenario.reject(code, [case.item_id])
    elif status in RECEIVED:
        assert (await scenario.claim(code, [case.item_id]))["userErrors"] == []
        if status == MigrationStatus.RUNNING:
            [case.held] = await engine.take()
        elif status == MigrationStatus.COMPLETED:
            await engine.run_until_idle()
        elif status == MigrationStatus.FAILED:
            await case.damage_files()
            await engine.run_until_idle()
    assert (await case.item()).effective_status(clock.now()) == status
    return case


async def wait_until(
    condition: Callable[[], Awaitable[bool]], what: str, seconds: float = 30
) -> None:
    """Poll until the condition holds; fail the test naming what never happened."""
    for _ in range(int(seconds / 0.02)):
        if await condition():
            return
        await asyncio.sleep(0.02)
    pytest.fail(f"{what} never happened")
