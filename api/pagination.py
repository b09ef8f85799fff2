"""Relay connections for every list, with totalCount and a hard cap on the page size."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.models import Model
from tortoise.queryset import QuerySet

from api.errors import BadInputError
from api.schema.identity import part_of

NodeT = TypeVar("NodeT")
ModelT = TypeVar("ModelT", bound=Model)

DEFAULT_PAGE_SIZE = 20
_CURSOR_PREFIX = "offset:"
MAX_OFFSET = 2**31 - 1


@strawberry.type(description=part_of("connection", "where this page stands in the whole list."))
class PageInfo:
    """Where this page stands in the whole list."""

    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    """One item of a page with the cursor that points just past it."""

    cursor: str
    node: NodeT


@strawberry.type(
    description=part_of("parent", "one page of a list, for the arguments it was asked with.")
)
class Connection(Generic[NodeT]):
    """A page of a list, as Relay clients expect it."""

    edges: list[Edge[NodeT]]
    nodes: list[NodeT]
    page_info: PageInfo
    total_count: int


def encode_cursor(offset: int) -> str:
    """An opaque cursor for the item at this position."""
    return base64.b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    """The position a cursor points at; a cursor we did not hand out is bad input."""
    try:
        raw = base64.b64decode(cursor.encode(), validate=True).decode()
    except (binascii.Error, UnicodeError):
        raise BadInputError("The cursor in 'after' is not valid.") from None
    digits = raw.removeprefix(_CURSOR_PREFIX)
    # ASCII digits only (str.isdigit also takes '²'), and no further than the databases go.
    readable = digits != raw and 0 < len(digits) <= len(str(MAX_OFFSET))
    if not (readable and digits.isascii() and digits.isdigit()) or int(digits) > MAX_OFFSET:
        raise BadInputError("The cursor in 'after' is not valid.")
    return int(digits)


def page_window(first: int | None, after: str | None, max_page_size: int) -> tuple[int, int]:
    """Check first/after and return (offset, limit)."""
    limit = DEFAULT_PAGE_SIZE if first is None else first
    if limit < 0 or limit > max_page_size:
        raise BadInputError(f"'first' must be between 0 and {max_page_size}, got {limit}.")
    offset = decode_cursor(after) + 1 if after else 0
    return offset, limit


def build_connection(items: Sequence[NodeT], *, offset: int, total_count: int) -> Connection[NodeT]:
    """Wrap one page of already converted items in a connection."""
    edges = [Edge(cursor=encode_cursor(offset + i), node=item) for i, item in enumerate(items)]
    return Connection(
        edges=edges,
        nodes=list(items),
        page_info=PageInfo(
            has_next_page=offset + len(items) < total_count,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total_count,
    )


async def fetch_page(
    queryset: QuerySet[ModelT], *, first: int | None, after: str | None, max_page_size: int
) -> tuple[list[ModelT], int, int]:
    """One page of a query and the total, in two statements: (rows, offset, total)."""
    offset, limit = page_window(first, after, max_page_size)
    total = await queryset.count()
    rows = list(await queryset.offset(offset).limit(limit)) if limit else []
    return rows, offset, total


async def paginate(
    queryset: QuerySet[Any],
    *,
    first: int | None,
    after: str | None,
    max_page_size: int,
    to_node: Callable[[Any], NodeT],
) -> Connection[NodeT]:
    """Count and fetch one page of a query in two statements, whatever the page size."""
    rows, offset, total = await fetch_page(
        queryset, first=first, after=after, max_page_size=max_page_size
    )
    return build_connection([to_node(row) for row in rows], offset=offset, total_count=total)


def paginate_list(
    items: Sequence[NodeT], *, first: int | None, after: str | None, max_page_size: int
) -> Connection[NodeT]:
    """A connection over a short list already in memory, such as the items of one offer."""
    offset, limit = page_window(first, after, max_page_size)
    return build_connection(items[offset : offset + limit], offset=offset, total_count=len(items))
