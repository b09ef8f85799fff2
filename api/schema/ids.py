"""Global IDs: the only IDs clients see, and how the resolvers read them back."""

from __future__ import annotations

from strawberry import relay


def decode_global_id(value: str, expected_type: str) -> int | None:
    """The database ID in a global ID of the expected type, or None when it is not one."""
    try:
        gid = relay.GlobalID.from_id(value)
    except Exception:
        return None
    if gid.type_name != expected_type or not gid.node_id.isdigit():
        return None
    return int(gid.node_id)


def encode_global_id(type_name: str, pk: int) -> str:
    """The global ID of an object, as the Node interface exposes it."""
    return str(relay.GlobalID(type_name=type_name, node_id=str(pk)))
