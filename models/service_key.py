"""Secrets the service's processes share, made by the first process that needs one.

Several API processes behind one load balancer must agree on the key that signs download links:
a link made by one is checked by another. The database they share holds it, so an installation
needs no setting for it; deleting the row (and restarting the processes) makes a new key and
ends every link signed with the old one.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from tortoise import fields
from tortoise.models import Model

KEY_BYTES = 32


class ServiceKey(Model):
    """One named secret of the installation, random, never shown by the API."""

    name = fields.CharField(max_length=64, primary_key=True)
    secret = fields.CharField(max_length=2 * KEY_BYTES)
    created_at = fields.DatetimeField()

    class Meta:
        table = "service_key"


async def shared_key(name: str, now: datetime) -> bytes:
    """The installation's key of this name, made now when there is none yet.

    Two processes starting at once both end with the key the first one wrote.
    """
    row, _ = await ServiceKey.get_or_create(
        name=name, defaults={"secret": secrets.token_hex(KEY_BYTES), "created_at": now}
    )
    return bytes.fromhex(row.secret)
