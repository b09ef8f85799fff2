"""The labels an operation is counted under in the metrics: a set no client can grow.

A client chooses its operation names, so they are not labels. An authenticated operation is
counted under each root field of the schema it asks for (`query:offeredAdministrations`), a
set the schema fixes; anything not authenticated (no valid token, or refused before its token
was looked up) is counted under the one label `unauthenticated`. Junk names from anyone, and
junk documents, therefore never push a real operation out of its own label.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    OperationType,
    SelectionSetNode,
    get_operation_ast,
    parse,
)
from graphql.error import GraphQLSyntaxError

UNAUTHENTICATED = "unauthenticated"
# The fields every root type has besides its own (introspection).
META_FIELDS = frozenset({"__typename", "__schema", "__type"})
SHAPE_CACHE_SIZE = 256
SHAPE_CACHE_MAX_LENGTH = 20_000


@dataclass(frozen=True)
class OperationShape:
    """What the view knows of an operation before running it: its kind and root fields."""

    kind: OperationType | None = None
    # (response key, field name) of each root field the schema has, in document order.
    fields: tuple[tuple[str, str], ...] = ()

    def labels(self, authenticated: bool) -> dict[str, list[str]]:
        """Each label this operation counts under, with the response keys that belong to it."""
        if not authenticated or self.kind is None or not self.fields:
            return {UNAUTHENTICATED: []}
        labels: dict[str, list[str]] = {}
        for key, name in self.fields:
            labels.setdefault(f"{self.kind.value}:{name}", []).append(key)
        return labels


def operation_shape(
    schema: GraphQLSchema, query: str | None, operation_name: str | None
) -> OperationShape:
    """The shape of the operation a request runs; small documents are parsed once.

    Clients send the same few documents again and again, so they are remembered rather than
    parsed a second time beside the execution's own (cached) parse.
    """
    if query is not None and len(query) <= SHAPE_CACHE_MAX_LENGTH:
        return _cached_shape(schema, query, operation_name)
    return _shape(schema, query, operation_name)


@functools.lru_cache(maxsize=SHAPE_CACHE_SIZE)
def _cached_shape(schema: GraphQLSchema, query: str, operation_name: str | None) -> OperationShape:
    return _shape(schema, query, operation_name)


def _shape(schema: GraphQLSchema, query: str | None, operation_name: str | None) -> OperationShape:
    try:
        document = parse(query or "")
    except GraphQLSyntaxError:
        return OperationShape()
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return OperationShape()
    root = schema.get_root_type(operation.operation)
    known = META_FIELDS | set(root.fields if root else ())
    fields = tuple(
        (key, name)
        for key, name in _root_fields(document, operation.selection_set, frozenset())
        if name in known
    )
    return OperationShape(operation.operation, fields)


def _root_fields(
    document: DocumentNode, selection_set: SelectionSetNode, seen: frozenset[str]
) -> list[tuple[str, str]]:
    """(response key, field name) of each field selected at the root, through fragments."""
    found: list[tuple[str, str]] = []
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            found.append((selection.alias.value if selection.alias else name, name))
        elif isinstance(selection, InlineFragmentNode):
            found += _root_fields(document, selection.selection_set, seen)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            spread = selection.name.value
            for definition in document.definitions:
                if (
                    isinstance(definition, FragmentDefinitionNode)
                    and definition.name.value == spread
                ):
                    found += _root_fields(document, definition.selection_set, seen | {spread})
    return found
