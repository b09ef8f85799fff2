"""Strings no database can store are refused where they enter: NUL and invalid Unicode.

PostgreSQL refuses NUL in text, and a lone surrogate (JSON's "\\ud800" lets one through)
cannot be encoded as UTF-8 at all; either would otherwise fail deep inside a resolver as an
unexpected error. Every string of the request is checked once, before any resolver runs: the
document's literals by a validation rule (cached with the document), the variables by an
extension. The first bad one is answered as BAD_USER_INPUT with its path in `field`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    GraphQLError,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    ValidationRule,
    ValueNode,
    VariableDefinitionNode,
)
from strawberry.extensions import SchemaExtension

Path = tuple[str, ...]


def is_storable(text: str) -> bool:
    """Whether a string can be stored as text by SQLite and PostgreSQL alike."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unstorable_error(path: Path, where: str, node: Any = None) -> GraphQLError:
    """The BAD_USER_INPUT error for a string at this path of the request."""
    return GraphQLError(
        f"The {where} '{'.'.join(path)}' holds a NUL character or invalid Unicode (a lone "
        "surrogate), which cannot be stored: send valid UTF-8 text without NUL.",
        node,
        extensions={"code": "BAD_USER_INPUT", "field": list(path)},
    )


def first_unstorable_value(value: Any, path: Path) -> Path | None:
    """The path of the first string in a variable's JSON value that cannot be stored."""
    pending: deque[tuple[Any, Path]] = deque([(value, path)])
    while pending:
        item, at = pending.popleft()
        if isinstance(item, str):
            if not is_storable(item):
                return at
        elif isinstance(item, dict):
            pending.extend((child, (*at, str(key))) for key, child in item.items())
        elif isinstance(item, list):
            pending.extend((child, (*at, str(i))) for i, child in enumerate(item))
    return None


def first_unstorable_literal(value: ValueNode, path: Path) -> tuple[Path, ValueNode] | None:
    """The path and node of the first string literal in an argument that cannot be stored."""
    pending: deque[tuple[ValueNode, Path]] = deque([(value, path)])
    while pending:
        node, at = pending.popleft()
        if isinstance(node, StringValueNode):
            if not is_storable(node.value):
                return at, node
        elif isinstance(node, ObjectValueNode):
            pending.extend((field.value, (*at, field.name.value)) for field in node.fields)
        elif isinstance(node, ListValueNode):
            pending.extend((child, (*at, str(i))) for i, child in enumerate(node.values))
    return None


class StorableLiterals(ValidationRule):
    """Refuses a document whose string literals hold NUL or invalid Unicode."""

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        self._check(node.value, (node.name.value,))

    def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> None:
        if node.default_value is not None:
            self._check(node.default_value, (node.variable.name.value,))

    def _check(self, value: ValueNode, path: Path) -> None:
        found = first_unstorable_literal(value, path)
        if found is not None:
            self.report_error(unstorable_error(found[0], "argument", found[1]))


class StorableVariables(SchemaExtension):
    """Refuses a request whose variables hold NUL or invalid Unicode, before any resolver."""

    def on_validate(self) -> Iterator[None]:
        # Listed after ValidationCache, whose hook has validated the document by now: errors
        # set here before yielding are what the schema checks before it executes anything.
        context = self.execution_context
        if not context.pre_execution_errors:
            for name, value in (context.variables or {}).items():
                path = first_unstorable_value(value, (name,))
                if path is not None:
                    context.pre_execution_errors = [unstorable_error(path, "variable")]
                    break
        yield
