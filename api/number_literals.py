"""Integer literals too long to read are refused as bad input, not masked as a bug.

Python converts at most sys.get_int_max_str_digits() digits (4300) to an int, a guard against
quadratic conversion time; graphql-core's own check of a longer Int literal fails with that
ValueError, which would reach the client as "Unexpected error.". No Int the schema accepts
has more than ten digits, so such a document is refused whatever else is wrong with it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError, IntValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension


class _LongIntegers(Visitor):
    """Finds the first integer literal with more digits than Python converts."""

    def __init__(self, max_digits: int) -> None:
        super().__init__()
        self.max_digits = max_digits
        self.found: IntValueNode | None = None

    def enter_int_value(self, node: IntValueNode, *_: object) -> object:
        if len(node.value.lstrip("-")) > self.max_digits:
            self.found = node
            return self.BREAK
        return None


def first_long_integer(document: DocumentNode, max_digits: int) -> IntValueNode | None:
    """The first integer literal of a document with more than max_digits digits, if any."""
    visitor = _LongIntegers(max_digits)
    visit(document, visitor)
    return visitor.found


class ReadableIntegers(SchemaExtension):
    """Puts a BAD_USER_INPUT error in place of validation's masked one for too long integers."""

    def on_validate(self) -> Iterator[None]:
        # Listed after ValidationCache: its hook has validated the document by now, and what
        # is set here before yielding replaces that result.
        context = self.execution_context
        max_digits = sys.get_int_max_str_digits() or sys.maxsize
        document = context.graphql_document
        # A document shorter than the limit cannot hold such a literal: nearly every request.
        too_short = context.query is not None and len(context.query) <= max_digits
        node = None if too_short or document is None else first_long_integer(document, max_digits)
        if node is not None:
            context.pre_execution_errors = [
                GraphQLError(
                    "This integer has more digits than any Int can have.",
                    node,
                    extensions={"code": "BAD_USER_INPUT"},
                )
            ]
        yield
