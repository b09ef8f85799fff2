"""Global IDs as the API gives them out (Relay's base64 of "Type:key"), for every floor.

The mails link to an offer's page by the offer's ID, so the mail layer makes the very IDs the
API's Node interface exposes; api/ids.py builds its own on this one function.
"""

from __future__ import annotations

from strawberry import relay


def global_id(type_name: str, key: int | str) -> str:
    """The global ID of the object of this type with this database key."""
    return str(relay.GlobalID(type_name=type_name, node_id=str(key)))
