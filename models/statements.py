"""SQL that Tortoise renders once per shape of a query, then runs with each request's values.

Building a query through Tortoise and pypika (resolving the filters, joining, rendering the text)
cost an overview request more CPU than running it. A hot query is asked for with a key naming
its shape (everything that changes its text) and the values it takes as parameters; the first
time a shape is seen, Tortoise builds it as always and its text is kept with, for each
placeholder, the name of the value it takes. Later requests of that shape run the kept text
with their own values through the same connection and the same conversion of the results.

A placeholder is matched to a value by type and equality. Integer values are given to the
builder as probes (large numbers no request uses), so two integers that happen to be equal
(a page size and an id) cannot be mistaken for one another. When a placeholder matches no value
or more than one, the shape is not kept and the query runs as Tortoise built it, so a value
the caller did not name can never be frozen into the text. Text and moments are matched as they
are: a builder whose query also holds a constant text or moment equal to a named one would see
that constant follow the named value, so a key's builder puts no such constant in its query (the
overviews' and the token's hold none).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model
from tortoise.queryset import CountQuery, QuerySet, ValuesQuery

ModelT = TypeVar("ModelT", bound=Model)
# Integers the builder gets on a shape's first run: beyond any id or page size in use, each
# value its own.
_FIRST_PROBE = 2_000_000_000
# Shapes kept per process: the overviews' sorts, directions, searches and cursors are a few
# dozen; past this, new shapes simply run as Tortoise builds them.
MAX_SHAPES = 512


Runner = Callable[[BaseDBAsyncClient, str, list[Any]], Any]


@dataclass(frozen=True)
class _Kept:
    """A rendered statement: its text and, per placeholder, the name of the value it takes."""

    sql: str
    takes: tuple[str, ...]
    run: Runner

    def parameters(self, values: Mapping[str, Any]) -> list[Any]:
        return [values[name] for name in self.takes]


_kept: dict[Hashable, _Kept | None] = {}


def kept_shapes() -> int:
    """How many shapes run from kept text: lets a test see that a hot query is not rebuilt."""
    return sum(1 for kept in _kept.values() if kept is not None)


def _probes(values: Mapping[str, Any]) -> dict[str, Any]:
    probes: dict[str, Any] = {}
    for n, (name, value) in enumerate(values.items()):
        probes[name] = _FIRST_PROBE + n if type(value) is int else value
    return probes


def _placeholders(params: list[Any], probes: Mapping[str, Any]) -> tuple[str, ...] | None:
    """For each parameter the one value it is, or None when any is none or several."""
    takes = []
    for param in params:
        names = [
            name for name, probe in probes.items() if type(probe) is type(param) and probe == param
        ]
        if len(names) != 1:
            return None
        takes.append(names[0])
    return tuple(takes)


def _values_runner(query: ValuesQuery[Any]) -> Runner:
    """Rows as ValuesQuery returns them: each column converted as its field converts it."""
    converters = [
        (alias, query.resolve_to_python_value(query.model, field))
        for alias, field in query._fields_for_select.items()
    ]
    # As ValuesQuery: a lambda is its "as is".
    columns = [(alias, f) for alias, f in converters if not isinstance(f, types.LambdaType)]

    async def run(db: BaseDBAsyncClient, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        rows = await db.execute_query_dict(sql, params)
        for row in rows:
            for column, convert in columns:
                row[column] = convert(row[column])
        return rows

    return run


def _models_runner(query: QuerySet[Any]) -> Runner:
    """Models as QuerySet returns them, with the related models it selects."""
    custom_fields = list(query._annotations.keys())

    async def run(db: BaseDBAsyncClient, sql: str, params: list[Any]) -> list[Any]:
        executor = db.executor_class(
            model=query.model,
            db=db,
            prefetch_map=query._prefetch_map,
            prefetch_queries=query._prefetch_queries,
            select_related_idx=query._select_related_idx,  # type: ignore[arg-type]
        )
        return await executor.execute_select(sql, params, custom_fields=custom_fields)

    return run


def _count_runner(query: CountQuery) -> Runner:
    """The count as CountQuery returns it (neither limit nor offset is used here)."""
    if query._offset or query._limit is not None:
        raise ValueError("A kept count has neither an offset nor a limit.")

    async def run(db: BaseDBAsyncClient, sql: str, params: list[Any]) -> int:
        _, result = await db.execute_query(sql, params)
        return int(next(iter(dict(result[0]).values()))) if result else 0

    return run


async def fetch_values(
    model: type[ModelT],
    key: Hashable,
    values: Mapping[str, Any],
    build: Callable[[Mapping[str, Any]], ValuesQuery[Any]],
) -> list[dict[str, Any]]:
    """`build(values)` awaited: rows as values, its text rendered once for this key."""
    rows: list[dict[str, Any]] = await _run(model, ("values", key), values, build, _values_runner)
    return rows


async def fetch_models(
    model: type[ModelT],
    key: Hashable,
    values: Mapping[str, Any],
    build: Callable[[Mapping[str, Any]], QuerySet[ModelT]],
) -> list[ModelT]:
    """`build(values)` awaited: models, its text rendered once for this key."""
    rows: list[ModelT] = await _run(model, ("models", key), values, build, _models_runner)
    return rows


async def count(
    model: type[ModelT],
    key: Hashable,
    values: Mapping[str, Any],
    build: Callable[[Mapping[str, Any]], CountQuery],
) -> int:
    """`build(values)` awaited: a count, its text rendered once for this key."""
    return int(await _run(model, ("count", key), values, build, _count_runner))


async def _run(
    model: type[Model],
    key: Hashable,
    values: Mapping[str, Any],
    build: Callable[[Mapping[str, Any]], Any],
    runner: Callable[[Any], Runner],
) -> Any:
    db = model._choose_db()
    # The same shape renders differently for each database (placeholders, quoting).
    shape = (db.capabilities.dialect, key)
    kept = _kept.get(shape)
    if kept is not None:
        return await kept.run(db, kept.sql, kept.parameters(values))
    if shape not in _kept:
        probes = _probes(values)
        query = build(probes)
        query._db = db
        query._make_query()
        sql, params = query.query.get_parameterized_sql()
        takes = _placeholders(params, probes)
        if takes is not None and len(_kept) < MAX_SHAPES:
            kept = _Kept(sql=sql, takes=takes, run=runner(query))
            _kept[shape] = kept
            return await kept.run(db, sql, kept.parameters(values))
        if takes is None and not _ambiguous(params, probes) and len(_kept) < MAX_SHAPES:
            # A parameter that is none of the named values: this shape is never kept.
            _kept[shape] = None
    query = build(values)
    query._db = db
    query._make_query()
    return await query._execute()


def _ambiguous(params: list[Any], probes: Mapping[str, Any]) -> bool:
    """Whether some parameter is several of the values (equal text), none being unnamed."""
    return all(
        any(type(probe) is type(param) and probe == param for probe in probes.values())
        for param in params
    )
