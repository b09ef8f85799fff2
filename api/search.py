"""The search term of a list query: trimmed, and no longer than any field it could match.

Every shown field is shorter than 500 characters, so a longer term matches nothing; SQLite
would not even run it past 50,000 bytes ("LIKE or GLOB pattern too complex").
"""

from __future__ import annotations

from api.errors import BadInputError

MAX_SEARCH_LENGTH = 500


def search_term(search: str | None) -> str | None:
    """The term to search for, or None for no search; a longer term is bad input."""
    term = (search or "").strip()
    if len(term) > MAX_SEARCH_LENGTH:
        raise BadInputError(
            f"'search' may be at most {MAX_SEARCH_LENGTH} characters, got {len(term):,}."
        )
    return term or None
