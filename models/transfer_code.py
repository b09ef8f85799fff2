"""Transfer codes: unguessable, yet easy to type and read aloud (rule 9)."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L: nothing a reader can mistake for something else.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 20
GROUP = 4

_SEPARATORS = re.compile(r"[\s\-_.]+")


def generate_transfer_code() -> str:
    """A new code in normal form: 20 characters, about 99 bits of randomness."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_transfer_code(entered: str) -> str:
    """What a user typed, in the form codes are stored: case and separators do not matter."""
    return _SEPARATORS.sub("", entered).upper()


def format_transfer_code(code: str) -> str:
    """The code in groups of four, as shown in the overview and the mail."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def looks_like_transfer_code(normalized: str) -> bool:
    """Whether a normalized entry could be a code at all, before any database lookup."""
    return len(normalized) == LENGTH and all(c in ALPHABET for c in normalized)


def may_be_part_of_a_code(entered: str) -> bool:
    """Whether a search term could be a piece of a transfer code, worth searching codes for."""
    code = normalize_transfer_code(entered)
    return len(code) >= 3 and all(c in ALPHABET for c in code)
