"""How a client's cache tells objects apart: by an ID of their own, or as part of their holder.

A type with `id: ID!` is normalised by Apollo, Relay and urql alike. A type without one says so
in its description, always in the form `Part of its <Holder>: …`, so that a client merges it
into the object holding it (Apollo: `merge: true`); tests/test_cache_identity.py keeps both true.
"""

from __future__ import annotations

PART_OF = "Part of its "

CACHE_ID = (
    "The Globally Unique ID of this object, stable for a client's cache; node(id:) does not "
    "look it up."
)


def part_of(holder: str, what: str) -> str:
    """The description of a type with no identity of its own: whose part it is, and what it is."""
    return f"{PART_OF}{holder}: {what}"
