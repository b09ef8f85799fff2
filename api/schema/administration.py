"""Accounting connections and the administrations under them."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry
from strawberry import relay

from api.schema.enums import AccountingPackageEnum
from models import AccountingConnection, Administration


@strawberry.type(name="AccountingConnection")
class AccountingConnectionType(relay.Node):
    """An environment's link to one accounting package."""

    id: relay.NodeID[int]
    name: str
    package: AccountingPackageEnum
    is_migratable: bool = strawberry.field(
        description="Whether administrations under this connection can be offered (rule 2)."
    )

    @classmethod
    def from_model(cls, connection: AccountingConnection) -> Self:
        return cls(
            id=connection.pk,
            name=connection.name,
            package=connection.package,
            is_migratable=connection.package.is_migratable,
        )


@strawberry.type(name="Administration")
class AdministrationType(relay.Node):
    """One client's books: code and name as in the accounting package, and its inbound address."""

    id: relay.NodeID[int]
    code: str
    name: str
    inbound_mail_address: str
    created_at: datetime
    connection_id: strawberry.Private[int]

    @strawberry.field(description="The accounting connection the books live under.")
    async def connection(self, info: strawberry.Info) -> AccountingConnectionType:
        connection = await info.context.loaders.connection.load(self.connection_id)
        return AccountingConnectionType.from_model(connection)

    @strawberry.field(description="How many documents the archive holds, booked ones included.")
    async def document_count(self, info: strawberry.Info) -> int:
        count: int = await info.context.loaders.document_count.load(self.id)
        return count

    @strawberry.field(
        description=(
            "Documents whose stored file the file check found missing, unreadable or "
            "damaged; while there are any the administration cannot be offered or moved."
        )
    )
    async def damaged_file_count(self, info: strawberry.Info) -> int:
        count: int = await info.context.loaders.damaged_file_count.load(self.id)
        return count

    @classmethod
    def from_model(cls, administration: Administration) -> Self:
        return cls(
            id=administration.pk,
            code=administration.code,
            name=administration.name,
            inbound_mail_address=administration.inbound_mail_address,
            created_at=administration.created_at,
            connection_id=administration.connection_id,
        )
