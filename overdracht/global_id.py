"""Global IDs as the API gives them out (Relay's base64 of "Type:key"), for every floor.

The mails link to an offer's page by the offer's ID, so the mail layer makes the very IDs the
API's Node interface exposes; api/ids.py builds its own on this one function. Written out here
rather than taken from strawberry's relay: the worker writes them into every move's manifest,
and importing the GraphQL library for one base64 cost each worker process 11 MB.
"""

from __future__ import annotations

import binascii


def global_id(type_name: str, key: int | str) -> str:
    """The global ID of the object of this type with this database key."""
    # base64.b64encode without its wrapper: a move's manifest makes a million of these.
    return binascii.b2a_base64(f"{type_name}:{key}".encode(), newline=False).decode("ascii")
