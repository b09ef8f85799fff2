"""A request's errors in the log: refusals in one quiet line, bugs loudly with their traceback.

A refusal (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, a document that does not validate) is
the service doing its job: it is written once per operation at INFO, without a traceback, so
a client cannot fill the log or page an operator by asking for what it may not have. Anything
else is a bug (or a database fault) and is written at ERROR with its traceback, once per kind.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

from graphql import GraphQLError

from api.errors import should_mask_error

logger = logging.getLogger("overdracht.errors")

# How much of a refusal a log line repeats: enough to recognise it, never the whole request.
MESSAGE_CHARS = 160
PATHS_SHOWN = 3
NAME_CHARS = 64


def _code(error: GraphQLError) -> str:
    return str((error.extensions or {}).get("code") or "INVALID_DOCUMENT")


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def refusal_summary(refusals: Sequence[GraphQLError]) -> str:
    """Each code once, with how often it came, the first fields it came at and its message."""
    counts = Counter(_code(error) for error in refusals)
    parts = []
    for code, count in counts.items():
        mine = [error for error in refusals if _code(error) == code]
        paths = [".".join(str(step) for step in error.path) for error in mine if error.path]
        where = ", ".join(paths[:PATHS_SHOWN]) + (", …" if len(paths) > PATHS_SHOWN else "")
        parts.append(
            f"{count} {code}"
            + (f" at {where}" if where else "")
            + f": {_shortened(mine[0].message, MESSAGE_CHARS)}"
        )
    return "; ".join(parts)


def log_errors(errors: Sequence[GraphQLError], operation_name: str | None) -> None:
    """Write one operation's errors: one INFO line for its refusals, each bug at ERROR."""
    refusals = [error for error in errors if not should_mask_error(error)]
    if refusals:
        name = _shortened(operation_name, NAME_CHARS) if operation_name else "-"
        logger.info("refused operation %s: %s", name, refusal_summary(refusals))
    seen: set[tuple[type, str]] = set()
    for error in errors:
        if not should_mask_error(error):
            continue
        original = error.original_error
        kind = (type(original), str(original))
        if kind in seen:  # the same fault in thirty aliases is one traceback
            continue
        seen.add(kind)
        logger.error("unexpected error: %s", error.message, exc_info=original)
