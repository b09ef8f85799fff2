"""Global IDs: the only IDs clients see, and how the resolvers read them back."""

from __future__ import annotations

import hashlib

from strawberry import relay

from overdracht.global_id import global_id

# The largest key a primary-key column holds: `integer` (Tortoise's IntField) for most tables,
# `bigint` for documents, whose archives may pass two billion rows.
MAX_INT_ID = 2**31 - 1
MAX_BIGINT_ID = 2**63 - 1
BIGINT_ID_TYPES = frozenset({"Document"})


def max_id(type_name: str) -> int:
    """The largest database ID an object of this type can have."""
    return MAX_BIGINT_ID if type_name in BIGINT_ID_TYPES else MAX_INT_ID


def parse_database_id(text: str, maximum: int = MAX_INT_ID) -> int | None:
    """The key in an ID's text, or None when no row can have it: ASCII digits within range only."""
    # str.isdigit alone accepts '²' and other Unicode digits, which int() then refuses, and
    # numbers beyond the column's range make the database driver fail.
    if not text or len(text) > len(str(maximum)) or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= maximum else None


def decode_global_id(value: str, expected_type: str) -> int | None:
    """The database ID in a global ID of the expected type, or None when it is not one."""
    try:
        gid = relay.GlobalID.from_id(value)
    except Exception:
        return None
    if gid.type_name != expected_type:
        return None
    return parse_database_id(gid.node_id, max_id(expected_type))


def encode_global_id(type_name: str, pk: int) -> str:
    """The global ID of an object, as the Node interface exposes it."""
    return global_id(type_name, pk)


def encode_composite_id(type_name: str, pk: int, key: str) -> str:
    """The global ID of an object known by a row and a name within it (an offer's recipient).

    The name is hashed: an ID travels into URLs, logs and bug reports, an e-mail address must not.
    """
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return str(relay.GlobalID(type_name=type_name, node_id=f"{pk}.{digest}"))


def kind_hint(value: str, expected_type: str) -> str:
    """A sentence for a NOT_FOUND whose ID is of another kind: which kind was expected."""
    try:
        given = relay.GlobalID.from_id(value).type_name
    except Exception:
        return f" Expected the ID of {_a(expected_type)}; this is not an ID this service gave out."
    if given == expected_type:
        return ""
    return f" Expected the ID of {_a(expected_type)}, got the ID of {_a(given)}."


def _a(type_name: str) -> str:
    return f"an {type_name}" if type_name[:1] in "AEIOU" else f"a {type_name}"
