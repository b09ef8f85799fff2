"""Relay connections for every list, with totalCount and a hard cap on the page size.

Cursors are keyset cursors: each names the sort values of its row (the row's id last, so every
row has a place of its own) and the order they belong to, and the next page is the rows after
those values. A row added before the cursor, or one taken away, never shifts a later page, as
an offset would on a live list. A cursor is opaque to clients; one that is not well formed, or
belongs to another order of the list, is BAD_USER_INPUT.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar, overload

import strawberry
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesQuery

import models.statements as statements
from api.errors import BadInputError
from api.identity import part_of
from api.storable_text import is_storable

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")
ModelT = TypeVar("ModelT", bound=Model)

DEFAULT_PAGE_SIZE = 20
# Longer than any cursor this service hands out (a name of 200 characters, escaped), so a
# forged one is refused before it is decoded.
MAX_CURSOR_CHARACTERS = 4096
MAX_TEXT_VALUE = 1000
INVALID_CURSOR = "The cursor in 'after' is not valid."


class BigInt(int):
    """The kind of a 64-bit sort value (a document's id); `int` is a 32-bit one."""


# What each kind of integer column holds: a cursor's value outside it names no row, and the
# database driver would refuse it.
INT_RANGES: dict[type[int], tuple[int, int]] = {
    int: (-(2**31), 2**31 - 1),
    BigInt: (-(2**63), 2**63 - 1),
}

SortKind = type[int] | type[str] | type[datetime]


@dataclass(frozen=True)
class SortKey:
    """One value a list is sorted by: a column or annotation of the rows, never null."""

    name: str
    kind: SortKind
    descending: bool = False


class Order:
    """How a list is sorted, ending in a unique value (the id), so every row has its own place.

    Written as the column names of `order_by`, each with its kind: `("-created_at", datetime)`.
    """

    def __init__(self, *keys: tuple[str, SortKind]) -> None:
        self.keys = tuple(
            SortKey(name.removeprefix("-"), kind, descending=name.startswith("-"))
            for name, kind in keys
        )
        self.label = ",".join(name for name, _ in keys)

    def order_by(self) -> list[str]:
        """The arguments of QuerySet.order_by for this order."""
        return [f"{'-' if key.descending else ''}{key.name}" for key in self.keys]

    def values_of(self, row: Any) -> tuple[Any, ...]:
        """A row's sort values: its attributes of the same names, or its values (a dict)."""
        if isinstance(row, dict):
            return tuple(row[key.name] for key in self.keys)
        return tuple(getattr(row, key.name) for key in self.keys)

    def after(self, values: tuple[Any, ...]) -> Q:
        """The rows that come after a row with these sort values, as a filter."""
        branches = []
        for i, key in enumerate(self.keys):
            equal = {k.name: v for k, v in zip(self.keys[:i], values[:i], strict=True)}
            beyond = {f"{key.name}__{'lt' if key.descending else 'gt'}": values[i]}
            branches.append(Q(**equal, **beyond))
        return Q(*branches, join_type=Q.OR)

    def compare(self, left: tuple[Any, ...], right: tuple[Any, ...]) -> int:
        """-1, 0 or 1 as rows with these values stand in this order, for lists in memory."""
        for key, a, b in zip(self.keys, left, right, strict=True):
            if a != b:
                smaller = a < b
                return (1 if smaller else -1) if key.descending else (-1 if smaller else 1)
        return 0

    # -- cursors -------------------------------------------------------------------------------

    def cursor(self, row: Any) -> str:
        """The opaque cursor of a row: its sort values and this order's label."""
        values = [
            value.isoformat() if isinstance(value, datetime) else value
            for value in self.values_of(row)
        ]
        text = json.dumps([self.label, values], ensure_ascii=False, separators=(",", ":"))
        return base64.urlsafe_b64encode(text.encode()).decode()

    def read_cursor(self, cursor: str) -> tuple[Any, ...]:
        """The sort values a cursor names; one not made for this order is bad input."""
        if len(cursor) > MAX_CURSOR_CHARACTERS:
            raise BadInputError(INVALID_CURSOR)
        try:
            raw = base64.b64decode(cursor.encode("ascii"), altchars=b"-_", validate=True)
            label, values = json.loads(raw.decode("utf-8"))
        except (binascii.Error, UnicodeError, ValueError, TypeError):
            raise BadInputError(INVALID_CURSOR) from None
        if label != self.label or not isinstance(values, list) or len(values) != len(self.keys):
            raise BadInputError(INVALID_CURSOR)
        return tuple(_value(key, value) for key, value in zip(self.keys, values, strict=True))


def _value(key: SortKey, value: Any) -> Any:
    """One sort value of a cursor, of its key's kind and storable; otherwise bad input."""
    if key.kind in INT_RANGES:
        low, high = INT_RANGES[key.kind]
        if type(value) is int and low <= value <= high:
            return value
    elif key.kind is str:
        if isinstance(value, str) and len(value) <= MAX_TEXT_VALUE and is_storable(value):
            return value
    elif isinstance(value, str) and len(value) <= 64:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment
    raise BadInputError(INVALID_CURSOR)


@strawberry.type(description=part_of("connection", "where this page stands in the whole list."))
class PageInfo:
    """Where this page stands in the whole list."""

    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def _edge_cursor(root: Edge[Any]) -> str:
    # Made when asked: a page's cursors cost more than its nodes, and most clients read the
    # nodes and pageInfo's endCursor alone.
    return root.cursor_of()


@strawberry.type
class Edge(Generic[NodeT]):
    """One item of a page with the cursor that points just past it."""

    cursor: str = strawberry.field(resolver=_edge_cursor)
    node: NodeT
    cursor_of: strawberry.Private[Callable[[], str]]


@strawberry.type(
    description=part_of("parent", "one page of a list, for the arguments it was asked with.")
)
class Connection(Generic[NodeT]):
    """A page of a list, as Relay clients expect it."""

    edges: Sequence[Edge[NodeT]]
    nodes: list[NodeT]
    page_info: PageInfo
    total_count: int


@dataclass(frozen=True)
class Page(Generic[RowT]):
    """One page of rows with their cursors, before they become a connection's nodes."""

    rows: list[RowT]
    order: Order
    has_next_page: bool
    has_previous_page: bool
    total_count: int

    def connection(self, nodes: Sequence[NodeT]) -> Connection[NodeT]:
        """The connection of this page, with one node per row, in the rows' order."""
        if len(nodes) != len(self.rows):
            raise ValueError(f"{len(nodes)} nodes for {len(self.rows)} rows")
        return Connection(
            edges=_Edges(self.order, self.rows, nodes),
            nodes=list(nodes),
            page_info=PageInfo(
                has_next_page=self.has_next_page,
                has_previous_page=self.has_previous_page,
                start_cursor=self.order.cursor(self.rows[0]) if self.rows else None,
                end_cursor=self.order.cursor(self.rows[-1]) if self.rows else None,
            ),
            total_count=self.total_count,
        )


class _Edges(Sequence[Edge[NodeT]]):
    """A page's edges, made when a query reads them: most read the nodes and pageInfo alone."""

    def __init__(self, order: Order, rows: Sequence[Any], nodes: Sequence[NodeT]) -> None:
        self._order, self._rows, self._nodes = order, rows, nodes
        self._made: list[Edge[NodeT]] | None = None

    def _edges(self) -> list[Edge[NodeT]]:
        if self._made is None:
            self._made = [
                Edge(cursor_of=functools.partial(self._order.cursor, row), node=node)
                for row, node in zip(self._rows, self._nodes, strict=True)
            ]
        return self._made

    def __len__(self) -> int:
        return len(self._nodes)

    @overload
    def __getitem__(self, index: int) -> Edge[NodeT]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Edge[NodeT]]: ...

    def __getitem__(self, index: int | slice) -> Edge[NodeT] | Sequence[Edge[NodeT]]:
        return self._edges()[index]

    def __iter__(self) -> Iterator[Edge[NodeT]]:
        return iter(self._edges())


def page_size(first: int | None, max_page_size: int) -> int:
    """The rows a page holds: `first` within the cap, or the default."""
    limit = DEFAULT_PAGE_SIZE if first is None else first
    if limit < 0 or limit > max_page_size:
        raise BadInputError(f"'first' must be between 0 and {max_page_size}, got {limit}.")
    return limit


async def fetch_page(
    queryset: QuerySet[ModelT],
    *,
    order: Order,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[ModelT]:
    """One page of a query in this order, and the total, in two statements whatever the size."""
    return await _fetch_page(
        queryset, order=order, first=first, after=after, max_page_size=max_page_size, values=()
    )


@dataclass(frozen=True)
class Shaped(Generic[ModelT]):
    """A query built from named values, its SQL rendered once per key (models/statements.py).

    `key` names everything that changes the query's text, `values` what it takes as parameters,
    and `build` makes the query from those values (integers arrive as probes the first time).
    A key of None builds and renders it each time, as Tortoise does.
    """

    model: type[ModelT]
    key: Hashable | None
    values: Mapping[str, Any]
    build: Callable[[Mapping[str, Any]], QuerySet[ModelT]]

    def query(self) -> QuerySet[ModelT]:
        """The query for these values, built as Tortoise builds it."""
        return self.build(self.values)


async def fetch_page_values(
    shaped: Shaped[ModelT],
    *,
    values: Sequence[str],
    order: Order,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[dict[str, Any]]:
    """One page read as these values of each row, for a page that needs no models.

    Making a model of every row (and of every related row) was most of the ORM's CPU for an
    overview page; values are read as they come. The sort keys are read along. With a key,
    the count's and the page's SQL are rendered once per shape (and direction of the cursor).
    """
    names = (*values, *(key.name for key in order.keys if key.name not in values))
    limit = page_size(first, max_page_size)
    start = order.read_cursor(after) if after else None
    if shaped.key is None:
        return await _fetch_page(
            shaped.query(),
            order=order,
            first=first,
            after=after,
            max_page_size=max_page_size,
            values=names,
        )
    total = await statements.count(
        shaped.model,
        (shaped.key, "count", order.label),
        shaped.values,
        lambda v: shaped.build(v).count(),
    )
    cursor = {f"after_{n}": value for n, value in enumerate(start or ())}
    page_values = {**shaped.values, **cursor, "page_limit": limit + 1}

    def build_page(v: Mapping[str, Any]) -> ValuesQuery[Any]:
        query = shaped.build(v)
        if start is not None:
            query = query.filter(order.after(tuple(v[name] for name in cursor)))
        return query.order_by(*order.order_by()).limit(v["page_limit"]).values(*names)

    page_key = (shaped.key, "page", order.label, start is not None, names)
    rows = await statements.fetch_values(shaped.model, page_key, page_values, build_page)
    return _page(rows, limit=limit, order=order, start=start, total=total)


def _page(rows: Sequence[Any], *, limit: int, order: Order, start: Any, total: int) -> Page[Any]:
    """The page of rows read one beyond the limit: that one says whether another follows."""
    return Page(
        rows=list(rows[:limit]),
        order=order,
        has_next_page=len(rows) > limit,
        has_previous_page=start is not None,
        total_count=total,
    )


async def _fetch_page(
    queryset: QuerySet[ModelT],
    *,
    order: Order,
    first: int | None,
    after: str | None,
    max_page_size: int,
    values: Sequence[str],
) -> Page[Any]:
    limit = page_size(first, max_page_size)
    start = order.read_cursor(after) if after else None
    total = await queryset.count()
    page = queryset.filter(order.after(start)) if start is not None else queryset
    # One row more than asked says whether another page follows.
    ordered = page.order_by(*order.order_by()).limit(limit + 1)
    rows = list(await (ordered.values(*values) if values else ordered))
    return _page(rows, limit=limit, order=order, start=start, total=total)


async def paginate(
    queryset: QuerySet[Any],
    *,
    order: Order,
    first: int | None,
    after: str | None,
    max_page_size: int,
    to_node: Callable[[Any], NodeT],
) -> Connection[NodeT]:
    """Count and fetch one page of a query in two statements, whatever the page size."""
    page = await fetch_page(
        queryset, order=order, first=first, after=after, max_page_size=max_page_size
    )
    return page.connection([to_node(row) for row in page.rows])


def paginate_list(
    rows: Sequence[RowT],
    *,
    order: Order,
    first: int | None,
    after: str | None,
    max_page_size: int,
    to_node: Callable[[RowT], NodeT],
) -> Connection[NodeT]:
    """A connection over a short list already in memory, such as the items of one offer."""
    limit = page_size(first, max_page_size)
    start = order.read_cursor(after) if after else None
    ordered = sorted(
        rows,
        key=functools.cmp_to_key(
            lambda a, b: order.compare(order.values_of(a), order.values_of(b))
        ),
    )
    if start is not None:
        ordered = [row for row in ordered if order.compare(order.values_of(row), start) > 0]
    shown = ordered[:limit]
    page = Page(
        rows=shown,
        order=order,
        has_next_page=len(ordered) > limit,
        has_previous_page=start is not None,
        total_count=len(rows),
    )
    return page.connection([to_node(row) for row in shown])
